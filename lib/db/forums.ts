import type { DbClient, ForumRole } from "./types.ts";

export interface ForumAccess {
  userId: string;
  forum: { id: string; slug: string; name: string; description: string };
  role: ForumRole;
  /** Ids of the groups the user is a member of in this forum. */
  groupIds: string[];
  /** Ids of the groups among them the user leads (LEAD membership). */
  leadGroupIds?: string[];
  /** Kinds of those groups (for "is on the steering group" style questions). */
  groupKinds: string[];
}

/** The forum (by slug or id) and the user's standing in it, or null when they are not a member. */
export async function findForumAccess(db: DbClient, userId: string, forum: string | { id: string }): Promise<ForumAccess | null> {
  const member = await db.forumMember.findFirst({
    where: { userId, forum: typeof forum === "string" ? { slug: forum } : { id: forum.id } },
    select: {
      role: true,
      forum: { select: { id: true, slug: true, name: true, description: true } },
    },
  });
  if (!member) return null;
  const memberships = await db.membership.findMany({
    where: { userId, group: { forumId: member.forum.id, archivedAt: null } },
    select: { groupId: true, role: true, group: { select: { kind: true } } },
  });
  return {
    userId,
    forum: member.forum,
    role: member.role,
    groupIds: memberships.map((m) => m.groupId),
    leadGroupIds: memberships.filter((m) => m.role === "LEAD").map((m) => m.groupId),
    groupKinds: memberships.map((m) => m.group.kind),
  };
}

/** Forums a user belongs to, by name. */
export async function listForumsForUser(db: DbClient, userId: string) {
  const rows = await db.forumMember.findMany({
    where: { userId },
    select: { role: true, forum: { select: { id: true, slug: true, name: true } } },
    orderBy: { forum: { name: "asc" } },
  });
  return rows.map((r) => ({ ...r.forum, role: r.role }));
}

/** Everything the forum home shows: bodies with mandates and counts, target areas, the viewer's groups. */
export async function getForumOverview(db: DbClient, forumId: string) {
  const [groups, targetAreas] = await Promise.all([
    db.group.findMany({
      where: { forumId, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true, name: true, kind: true, mandate: true,
        _count: { select: { memberships: true, documents: { where: { archivedAt: null } } } },
        memberships: {
          where: { role: "LEAD" },
          select: { user: { select: { name: true } } },
        },
      },
    }),
    db.targetArea.findMany({
      where: { forumId, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, description: true, period: true },
    }),
  ]);
  return {
    groups: groups.map((g) => ({
      id: g.id, name: g.name, kind: g.kind, mandate: g.mandate,
      memberCount: g._count.memberships,
      documentCount: g._count.documents,
      leads: g.memberships.map((m) => m.user.name),
    })),
    targetAreas,
  };
}

export async function createForum(db: DbClient, data: { slug: string; name: string; description?: string }) {
  return db.forum.create({ data, select: { id: true, slug: true, name: true } });
}

export async function firstForum(db: DbClient) {
  return db.forum.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true, slug: true, name: true } });
}
