import type { DbClient } from "./types.ts";

// What a target area holds besides its needs: the recommendations tagged with it (and where each
// stands with the steering group), the actions that belong to it, who owns and who is Accountable,
// and the groups doing the work. Read by the target area page and the annual report.

export interface AreaRecommendation {
  id: string;
  title: string;
  groupId: string;
  groupName: string;
  status: string;
  /** When the steering group approved its current approved version (null: never approved). */
  approvedAt: Date | null;
  accountable: string[];
  targetAreaIds: string[];
}

export interface AreaAction {
  id: string;
  title: string;
  groupId: string;
  groupName: string;
  status: string;
  owner: string | null;
  dueDate: Date | null;
  accountable: string[];
  targetAreaId: string | null;
}

const partyName = (r: { user: { name: string } | null; group: { name: string } | null }) => r.user?.name ?? r.group?.name ?? "";

/**
 * Recommendations and actions of the forum's target areas (one area, or all when `areaId` is not
 * given; `withoutArea` adds actions with no target area). Archived documents and groups are left out.
 */
export async function loadAreaWork(db: DbClient, forumId: string, opts: { areaId?: string; withoutArea?: boolean } = {}) {
  const [documents, actions] = await Promise.all([
    db.document.findMany({
      where: {
        forumId, kind: "RECOMMENDATION", archivedAt: null, group: { archivedAt: null },
        targetAreas: opts.areaId ? { some: { targetAreaId: opts.areaId } } : undefined,
      },
      orderBy: [{ title: "asc" }],
      select: {
        id: true, title: true, status: true, approvedVersionId: true,
        group: { select: { id: true, name: true } },
        targetAreas: { select: { targetAreaId: true } },
        approvalRequests: { where: { status: "APPROVED" }, orderBy: { decidedAt: "desc" }, select: { versionId: true, decidedAt: true } },
        responsibilities: { where: { role: "A" }, select: { user: { select: { name: true } }, group: { select: { name: true } } } },
      },
    }),
    db.actionItem.findMany({
      where: {
        forumId, group: { archivedAt: null },
        ...(opts.areaId ? { targetAreaId: opts.areaId } : opts.withoutArea ? {} : { targetAreaId: { not: null } }),
      },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { title: "asc" }],
      select: {
        id: true, title: true, status: true, dueDate: true, targetAreaId: true,
        group: { select: { id: true, name: true } },
        owner: { select: { name: true } },
        responsibilities: { where: { role: "A" }, select: { user: { select: { name: true } }, group: { select: { name: true } } } },
      },
    }),
  ]);
  const recommendations: AreaRecommendation[] = documents.map((d) => ({
    id: d.id, title: d.title, groupId: d.group.id, groupName: d.group.name, status: d.status,
    approvedAt: d.approvedVersionId ? (d.approvalRequests.find((r) => r.versionId === d.approvedVersionId)?.decidedAt ?? null) : null,
    accountable: d.responsibilities.map(partyName).filter(Boolean),
    targetAreaIds: d.targetAreas.map((t) => t.targetAreaId),
  }));
  const items: AreaAction[] = actions.map((a) => ({
    id: a.id, title: a.title, groupId: a.group.id, groupName: a.group.name, status: a.status, owner: a.owner?.name ?? null,
    dueDate: a.dueDate, accountable: a.responsibilities.map(partyName).filter(Boolean), targetAreaId: a.targetAreaId,
  }));
  return { recommendations, actions: items };
}

/** The groups that keep needs in a target area (with the groups of its work, they are "its groups"). */
export async function groupsWithNeedsIn(db: DbClient, forumId: string, areaId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.need.findMany({
    where: { forumId, targetAreaId: areaId, archivedAt: null, group: { archivedAt: null } },
    distinct: ["groupId"],
    select: { group: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.group);
}

/** One target area of the forum (archived ones too: their page says so), or null. */
export async function findAreaForPage(db: DbClient, forumId: string, areaId: string) {
  return db.targetArea.findFirst({
    where: { id: areaId, forumId },
    select: { id: true, name: true, description: true, period: true, archivedAt: true },
  });
}
