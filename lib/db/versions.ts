import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import { lockKey } from "./locks.ts";
import type { DbClient } from "./types.ts";

export type VersionKind = "MANUAL" | "AUTO" | "SUBMISSION" | "RESTORE";

/**
 * Who stores a version: a person, or the server itself (automatic versions). A row needs a user,
 * so the server's versions are recorded under `attributedTo` (the document's author), while the
 * audit event names no one: the server did it.
 */
export type VersionAuthor = Actor | { system: true; attributedTo: string };

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
  tx: DbClient, actor: VersionAuthor, forumId: string,
  data: { documentId: string; kind: VersionKind; name: string; state: Uint8Array; sha256: string; html: string; text: string },
) {
  const person = "system" in actor ? null : actor;
  const createdById = "system" in actor ? actor.attributedTo : actor.userId;
  // The next number is read, then taken: commands hold the forum's lock already, the automatic versions
  // take it here (the lock is the transaction's, so taking it again costs nothing).
  await lockKey(tx, "forum", forumId);
  const last = await tx.documentVersion.aggregate({ where: { documentId: data.documentId }, _max: { number: true } });
  const version = await tx.documentVersion.create({
    data: {
      documentId: data.documentId, number: (last._max.number ?? 0) + 1, name: data.name, kind: data.kind,
      state: Buffer.from(data.state), sha256: data.sha256, html: data.html, text: data.text,
      createdById,
    },
    select: versionMeta,
  });
  await appendAudit(tx, {
    forumId, actorId: person?.userId ?? null, ip: person?.ip ?? null, action: "document.version", entityType: "DocumentVersion", entityId: version.id,
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

/** The newest version's stored state (to tell whether a differently encoded state holds the same edits). */
export async function latestVersionState(db: DbClient, documentId: string) {
  return db.documentVersion.findFirst({ where: { documentId }, orderBy: { number: "desc" }, select: { id: true, sha256: true, state: true } });
}

/** Appends one Yjs update to a document's log, as the sync server does (a restore is an edit like any other); returns the row id. */
export async function appendDocumentUpdate(tx: DbClient, documentId: string, data: Uint8Array): Promise<number> {
  const row = await tx.documentUpdate.create({ data: { documentId, data: Buffer.from(data) }, select: { id: true } });
  return row.id;
}

/**
 * Documents whose text has been quiet since `quietSince` and that hold any text: their last edit
 * and newest version's time (the caller keeps those edited after their newest version). The last
 * edit is the newest log row, or the document's `updatedAt` when later: compaction deletes the rows
 * and sets `updatedAt`, so a compacted document's last edit is never earlier than it was.
 */
export async function quietDocuments(db: DbClient, quietSince: Date) {
  const rows = await db.document.findMany({
    where: {
      updatedAt: { lte: quietSince },
      updates: { none: { createdAt: { gt: quietSince } } },
      OR: [{ NOT: { state: null } }, { updates: { some: {} } }],
    },
    select: {
      id: true, forumId: true, createdById: true, updatedAt: true,
      updates: { orderBy: { id: "desc" }, take: 1, select: { createdAt: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return rows.map((d) => {
    const lastRow = d.updates[0]?.createdAt;
    return {
      id: d.id, forumId: d.forumId, createdById: d.createdById,
      lastEditAt: lastRow && lastRow > d.updatedAt ? lastRow : d.updatedAt,
      lastVersionAt: d.versions[0]?.createdAt ?? null,
    };
  });
}

/** Records that a version's text was brought back into the live document (by whom, from which version, as which row and version). */
export async function auditRestore(
  tx: DbClient, actor: Actor, forumId: string,
  data: { documentId: string; from: { id: string; number: number }; updateId: number | null; version: { id: string; number: number } },
) {
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: "document.restore", entityType: "Document", entityId: data.documentId,
    after: { fromVersionId: data.from.id, fromNumber: data.from.number, updateId: data.updateId, versionId: data.version.id, number: data.version.number },
  });
}
