import { appendAudit } from "./audit.ts";
import type { DbClient, GroupKind, GroupRole } from "./types.ts";

export interface Actor {
  userId: string;
  ip: string | null;
}

const groupSelect = { id: true, forumId: true, name: true, kind: true, mandate: true, version: true } as const;

/** Leads before members, each in the order given (a stable sort), on either database. */
export const leadsFirst = <T extends { role: GroupRole }>(list: T[]): T[] =>
  [...list].sort((a, b) => Number(a.role !== "LEAD") - Number(b.role !== "LEAD"));

/** A group of the forum with members and documents, or null. */
export async function getGroupPage(db: DbClient, forumId: string, groupId: string) {
  const group = await db.group.findFirst({
    where: { id: groupId, forumId, archivedAt: null },
    select: {
      ...groupSelect,
      memberships: {
        // By name here, leads first below (leadsFirst): not `role: "asc"`, which puts leads first on
        // SQLite (the text "LEAD" < "MEMBER") but last on PostgreSQL (its enum sorts as declared, MEMBER first).
        orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
        select: { role: true, user: { select: { id: true, name: true, email: true } } },
      },
      documents: {
        where: { archivedAt: null },
        orderBy: { updatedAt: "desc" },
        select: {
          id: true, title: true, kind: true, status: true, excerpt: true, updatedAt: true,
          targetAreas: { select: { targetArea: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!group) return null;
  // The group's archive: out of the list above and of search, kept here so it can be found and restored.
  const archived = await db.document.findMany({
    where: { groupId, archivedAt: { not: null } },
    orderBy: { archivedAt: "desc" },
    select: { id: true, groupId: true, title: true, kind: true, archivedAt: true, version: true },
  });
  const memberships = leadsFirst(group.memberships);
  return {
    ...group,
    memberships,
    archivedDocuments: archived.map((d) => ({ ...d, archivedAt: d.archivedAt! })),
    members: memberships.map((m) => ({ ...m.user, role: m.role })),
    documents: group.documents.map((d) => ({ ...d, targetAreas: d.targetAreas.map((t) => t.targetArea) })),
  };
}

export async function findGroup(db: DbClient, forumId: string, groupId: string) {
  return db.group.findFirst({ where: { id: groupId, forumId, archivedAt: null }, select: groupSelect });
}

export async function listGroups(db: DbClient, forumId: string) {
  return db.group.findMany({
    where: { forumId, archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { ...groupSelect, _count: { select: { memberships: true } } },
  });
}

export async function groupNameTaken(db: DbClient, forumId: string, name: string, exceptId?: string) {
  const hit = await db.group.findFirst({ where: { forumId, name, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  return hit !== null;
}

export async function createGroup(tx: DbClient, actor: Actor, forumId: string, data: { name: string; kind: GroupKind; mandate: string }) {
  const max = await tx.group.aggregate({ where: { forumId }, _max: { sortOrder: true } });
  const group = await tx.group.create({
    data: { forumId, ...data, sortOrder: (max._max.sortOrder ?? 0) + 10 },
    select: groupSelect,
  });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "group.create", entityType: "Group", entityId: group.id, after: group });
  return group;
}

export async function updateGroup(tx: DbClient, actor: Actor, forumId: string, groupId: string, data: { name?: string; mandate?: string }) {
  const before = await tx.group.findFirst({ where: { id: groupId, forumId }, select: groupSelect });
  if (!before) return null;
  const after = await tx.group.update({ where: { id: groupId }, data: { ...data, version: { increment: 1 } }, select: groupSelect });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "group.update", entityType: "Group", entityId: groupId, before, after });
  return after;
}

export async function findMembership(db: DbClient, groupId: string, userId: string) {
  return db.membership.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { id: true, role: true } });
}

/** How many leads a group has. */
export async function countLeads(db: DbClient, groupId: string): Promise<number> {
  return db.membership.count({ where: { groupId, role: "LEAD" } });
}

export async function addMember(tx: DbClient, actor: Actor, forumId: string, groupId: string, userId: string, role: GroupRole) {
  const m = await tx.membership.create({ data: { groupId, userId, role }, select: { id: true, groupId: true, userId: true, role: true } });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "membership.add", entityType: "Membership", entityId: m.id, after: m });
  return m;
}

export async function setMemberRole(tx: DbClient, actor: Actor, forumId: string, groupId: string, userId: string, role: GroupRole) {
  const before = await tx.membership.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { id: true, groupId: true, userId: true, role: true } });
  if (!before) return null;
  const after = await tx.membership.update({ where: { id: before.id }, data: { role }, select: { id: true, groupId: true, userId: true, role: true } });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "membership.role", entityType: "Membership", entityId: before.id, before, after });
  return after;
}

export async function removeMember(tx: DbClient, actor: Actor, forumId: string, groupId: string, userId: string) {
  const before = await tx.membership.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { id: true, groupId: true, userId: true, role: true } });
  if (!before) return null;
  await tx.membership.delete({ where: { id: before.id } });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "membership.remove", entityType: "Membership", entityId: before.id, before });
  return before;
}
