import { appendAudit } from "./audit.ts";
import { RACI_ORDER, raciSummary } from "./raci.ts";
import type { Actor } from "./groups.ts";
import type { DbClient, DocumentKind } from "./types.ts";

/** What the sync server needs to decide access to a document room. */
export async function findDocumentForRoom(db: DbClient, documentId: string) {
  return db.document.findUnique({
    where: { id: documentId },
    select: { id: true, forumId: true, groupId: true, archivedAt: true },
  });
}

const metaSelect = {
  id: true, forumId: true, groupId: true, kind: true, title: true, status: true, archivedAt: true, updatedAt: true, version: true, approvedVersionId: true,
  targetAreas: { select: { targetArea: { select: { id: true, name: true } } } },
} as const;

type Area = { id: string; name: string };

function flatten<T extends { targetAreas: { targetArea: Area }[] }>(d: T): Omit<T, "targetAreas"> & { targetAreas: Area[] } {
  return { ...d, targetAreas: d.targetAreas.map((t) => t.targetArea) };
}

/** A document of the forum with its group, for the document page. */
export async function getDocumentPage(db: DbClient, forumId: string, groupId: string, documentId: string) {
  const doc = await db.document.findFirst({
    where: { id: documentId, forumId, groupId },
    select: { ...metaSelect, group: { select: { id: true, name: true, kind: true } } },
  });
  return doc ? flatten(doc) : null;
}

/** A document's metadata (for commands: the state an edit is checked against). */
export async function getDocumentMeta(db: DbClient, forumId: string, documentId: string) {
  const doc = await db.document.findFirst({ where: { id: documentId, forumId }, select: metaSelect });
  return doc ? flatten(doc) : null;
}

export async function createDocument(
  tx: DbClient, actor: Actor,
  data: { forumId: string; groupId: string; kind: DocumentKind; title: string; targetAreaIds: string[]; state?: Uint8Array; excerpt?: string },
) {
  const doc = await tx.document.create({
    data: {
      forumId: data.forumId, groupId: data.groupId, kind: data.kind, title: data.title, createdById: actor.userId,
      state: data.state ? Buffer.from(data.state) : null, excerpt: data.excerpt ?? "",
      targetAreas: { create: data.targetAreaIds.map((targetAreaId) => ({ targetAreaId })) },
    },
    select: metaSelect,
  });
  const after = flatten(doc);
  await appendAudit(tx, {
    forumId: data.forumId, actorId: actor.userId, ip: actor.ip, action: "document.create", entityType: "Document", entityId: doc.id,
    after: { title: after.title, kind: after.kind, groupId: after.groupId, targetAreas: after.targetAreas.map((a) => a.name) },
  });
  return after;
}

export async function updateDocumentMeta(
  tx: DbClient, actor: Actor, forumId: string, documentId: string,
  data: { title?: string; targetAreaIds?: string[]; archived?: boolean },
) {
  const beforeRow = await tx.document.findFirst({ where: { id: documentId, forumId }, select: metaSelect });
  if (!beforeRow) return null;
  const before = flatten(beforeRow);
  const afterRow = await tx.document.update({
    where: { id: documentId },
    data: {
      version: { increment: 1 },
      ...(data.title === undefined ? {} : { title: data.title }),
      ...(data.archived === undefined ? {} : { archivedAt: data.archived ? (before.archivedAt ?? new Date()) : null }),
      ...(data.targetAreaIds === undefined
        ? {}
        : { targetAreas: { deleteMany: {}, create: data.targetAreaIds.map((targetAreaId) => ({ targetAreaId })) } }),
    },
    select: metaSelect,
  });
  const after = flatten(afterRow);
  const view = (d: typeof before) => ({ title: d.title, archived: d.archivedAt !== null, targetAreas: d.targetAreas.map((a) => a.name) });
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: "document.update", entityType: "Document", entityId: documentId,
    before: view(before), after: view(after),
  });
  return after;
}

/** Ids of the forum's active target areas among the given ones (to reject foreign ids). */
export async function existingTargetAreaIds(db: DbClient, forumId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.targetArea.findMany({ where: { forumId, id: { in: ids }, archivedAt: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** A document's RACI rows (recommendations have responsibilities too). */
export async function loadDocumentRaci(db: DbClient, documentId: string) {
  const rows = await db.responsibility.findMany({
    where: { documentId },
    orderBy: { createdAt: "asc" },
    select: { role: true, user: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } },
  });
  return rows;
}

export async function replaceDocumentRaci(tx: DbClient, actor: Actor, forumId: string, documentId: string, list: { role: "R" | "A" | "C" | "I"; userId?: string; groupId?: string }[]) {
  const before = await loadDocumentRaci(tx, documentId);
  await tx.responsibility.deleteMany({ where: { documentId } });
  if (list.length) await tx.responsibility.createMany({ data: list.map((a) => ({ documentId, role: a.role, userId: a.userId ?? null, groupId: a.groupId ?? null })) });
  const after = await loadDocumentRaci(tx, documentId);
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "document.raci", entityType: "Document", entityId: documentId, before: raciSummary(before), after: raciSummary(after) });
  return after;
}

/** Recommendations of a group with their RACI rows (for the responsibility matrix). */
export async function groupRecommendationsRaci(db: DbClient, groupId: string) {
  const docs = await db.document.findMany({
    where: { groupId, kind: "RECOMMENDATION", archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, responsibilities: { orderBy: RACI_ORDER, select: { role: true, user: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } } } },
  });
  return docs.map((d) => ({ id: d.id, title: d.title, raci: d.responsibilities }));
}
