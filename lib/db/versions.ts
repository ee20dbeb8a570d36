import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient } from "./types.ts";

export type VersionKind = "MANUAL" | "AUTO" | "SUBMISSION" | "RESTORE";

/** The stored pieces of a live document: snapshot and the log written after it, oldest first. */
export async function loadStoredState(db: DbClient, documentId: string) {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { state: true } });
  const updates = await db.documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { id: true, data: true } });
  return { snapshot: doc?.state ?? null, updates };
}

const versionMeta = {
  id: true, documentId: true, number: true, name: true, kind: true, sha256: true, createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/**
 * Stores an immutable version of a document (state, its SHA-256, HTML and text, who and when)
 * with the next number, and audits it. Versions are never updated or deleted afterwards.
 */
export async function insertVersion(
  tx: DbClient, actor: Actor, forumId: string,
  data: { documentId: string; kind: VersionKind; name: string; state: Uint8Array; sha256: string; html: string; text: string },
) {
  const last = await tx.documentVersion.aggregate({ where: { documentId: data.documentId }, _max: { number: true } });
  const version = await tx.documentVersion.create({
    data: {
      documentId: data.documentId, number: (last._max.number ?? 0) + 1, name: data.name, kind: data.kind,
      state: Buffer.from(data.state), sha256: data.sha256, html: data.html, text: data.text, createdById: actor.userId,
    },
    select: versionMeta,
  });
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: "document.version", entityType: "DocumentVersion", entityId: version.id,
    after: { documentId: data.documentId, number: version.number, kind: data.kind, name: data.name, sha256: data.sha256 },
  });
  return version;
}

/** A document's versions, newest first (metadata only). */
export async function listVersions(db: DbClient, documentId: string) {
  return db.documentVersion.findMany({ where: { documentId }, orderBy: { number: "desc" }, select: versionMeta });
}

/** One version with its frozen content, or null. */
export async function getVersion(db: DbClient, documentId: string, versionId: string) {
  return db.documentVersion.findFirst({
    where: { id: versionId, documentId },
    select: { ...versionMeta, state: true, html: true, text: true },
  });
}

/** The newest version's hash and time (automatic versions skip a state that is already frozen). */
export async function latestVersion(db: DbClient, documentId: string) {
  return db.documentVersion.findFirst({ where: { documentId }, orderBy: { number: "desc" }, select: { id: true, number: true, sha256: true, createdAt: true } });
}
