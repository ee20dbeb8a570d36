import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient } from "./types.ts";

const select = { id: true, forumId: true, name: true, description: true, period: true, sortOrder: true, archivedAt: true, version: true } as const;

export async function listTargetAreas(db: DbClient, forumId: string, includeArchived = false) {
  return db.targetArea.findMany({
    where: { forumId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    select,
  });
}

export async function findTargetArea(db: DbClient, forumId: string, id: string) {
  return db.targetArea.findFirst({ where: { id, forumId }, select });
}

export async function targetAreaNameTaken(db: DbClient, forumId: string, name: string, exceptId?: string) {
  const hit = await db.targetArea.findFirst({ where: { forumId, name, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  return hit !== null;
}

export async function createTargetArea(tx: DbClient, actor: Actor, forumId: string, data: { name: string; description: string; period: string }) {
  const max = await tx.targetArea.aggregate({ where: { forumId }, _max: { sortOrder: true } });
  const area = await tx.targetArea.create({ data: { forumId, ...data, sortOrder: (max._max.sortOrder ?? 0) + 10 }, select });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "targetArea.create", entityType: "TargetArea", entityId: area.id, after: area });
  return area;
}

export async function updateTargetArea(
  tx: DbClient, actor: Actor, forumId: string, id: string,
  data: { name?: string; description?: string; period?: string; archived?: boolean },
) {
  const before = await tx.targetArea.findFirst({ where: { id, forumId }, select });
  if (!before) return null;
  const { archived, ...rest } = data;
  const after = await tx.targetArea.update({
    where: { id },
    data: { ...rest, version: { increment: 1 }, ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }) },
    select,
  });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "targetArea.update", entityType: "TargetArea", entityId: id, before, after });
  return after;
}
