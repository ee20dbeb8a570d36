import type { Actor } from "./groups.ts";
import { appendAudit } from "./audit.ts";
import { containsText } from "./dialect.ts";
import type { DbClient } from "./types.ts";
import type { NeedFields } from "../validation/need.ts";

// The needs register: competence needs as the register, a need's page and the links read and write
// them. Imports write in bulk through their own repository (lib/db/imports.ts).

const needSelect = {
  id: true, forumId: true, groupId: true, targetAreaId: true, title: true, description: true, field: true,
  styrk: true, nus: true, nace: true, regionId: true, period: true, demand: true, supply: true, unit: true,
  sourceName: true, sourceUrl: true, sourceDate: true, confidence: true, notes: true, importBatchId: true,
  archivedAt: true, createdAt: true, updatedAt: true, version: true,
  group: { select: { id: true, name: true } },
  targetArea: { select: { id: true, name: true } },
  region: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
} as const;

const linkSelect = {
  id: true,
  document: { select: { id: true, title: true, groupId: true, kind: true, status: true, approvedVersionId: true, archivedAt: true } },
  actionItem: {
    select: {
      id: true, title: true, groupId: true, status: true,
      owner: { select: { id: true, name: true } },
      responsibilities: { where: { role: "A" as const }, select: { user: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } } },
    },
  },
} as const;

export type NeedRow = NonNullable<Awaited<ReturnType<typeof findNeed>>>;
export type NeedLinkRow = NeedRow["links"][number];

/** A need of the forum with what answers it, or null (also for another forum's need). */
export function findNeed(db: DbClient, forumId: string, id: string) {
  return db.need.findFirst({ where: { id, forumId }, select: { ...needSelect, links: { select: linkSelect, orderBy: { createdAt: "asc" } } } });
}

export interface NeedFilter {
  targetAreaId?: string;
  groupId?: string;
  regionId?: string;
  period?: string;
  /** Words in the title or field. */
  q?: string;
  archived?: boolean;
}

export type NeedSort = "gap" | "title" | "period" | "updated";

/** One page of the register: needs matching the filter, with how many links of each kind. */
export async function listNeeds(db: DbClient, forumId: string, filter: NeedFilter, sort: NeedSort, page: { skip: number; take: number }) {
  const where = {
    forumId,
    archivedAt: filter.archived ? { not: null } : null,
    ...(filter.targetAreaId ? { targetAreaId: filter.targetAreaId } : {}),
    ...(filter.groupId ? { groupId: filter.groupId } : {}),
    ...(filter.regionId ? { regionId: filter.regionId === "county" ? null : filter.regionId } : {}),
    ...(filter.period ? { period: filter.period } : {}),
    ...(filter.q ? { OR: [{ title: containsText(db, filter.q) }, { field: containsText(db, filter.q) }] } : {}),
  };
  const orderBy =
    sort === "title" ? [{ title: "asc" as const }] : sort === "period" ? [{ period: "desc" as const }, { title: "asc" as const }] : [{ updatedAt: "desc" as const }];
  const [total, rows] = await Promise.all([
    db.need.count({ where }),
    sort === "gap"
      ? // The gap (demand − supply) is not a column: order its ids in SQL, then read that page.
        needIdsByGap(db, where, page).then((ids) =>
          db.need.findMany({ where: { id: { in: ids } }, select: { ...needSelect, links: { select: linkSelect } } }).then((list) => ids.map((id) => list.find((n) => n.id === id)!)),
        )
      : db.need.findMany({ where, orderBy, skip: page.skip, take: page.take, select: { ...needSelect, links: { select: linkSelect } } }),
  ]);
  return { total, rows };
}

async function needIdsByGap(db: DbClient, where: object, page: { skip: number; take: number }): Promise<string[]> {
  const all = await db.need.findMany({ where, select: { id: true, demand: true, supply: true } });
  return all
    .sort((a, b) => b.demand - b.supply - (a.demand - a.supply))
    .slice(page.skip, page.skip + page.take)
    .map((n) => n.id);
}

/** The need's fields as the audit trail shows them. */
const auditView = (n: Pick<NeedRow, "title" | "field" | "period" | "demand" | "supply" | "unit" | "confidence" | "sourceName"> & { region?: { name: string } | null; archivedAt?: Date | null }) => ({
  title: n.title, field: n.field, period: n.period, demand: n.demand, supply: n.supply, unit: n.unit,
  region: n.region?.name ?? null, confidence: n.confidence, sourceName: n.sourceName, archived: Boolean(n.archivedAt),
});

const sourceDate = (d: string | null | undefined) => (d === undefined ? undefined : d === null ? null : new Date(`${d}T12:00:00Z`));

export async function insertNeed(tx: DbClient, actor: Actor, forumId: string, groupId: string, data: NeedFields) {
  const created = await tx.need.create({
    data: { ...data, sourceDate: sourceDate(data.sourceDate), forumId, groupId, createdById: actor.userId },
    select: { id: true },
  });
  const need = (await findNeed(tx, forumId, created.id))!;
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "need.create", entityType: "Need", entityId: need.id, after: auditView(need) });
  return need;
}

/** Changes a need the caller loaded (`before`), bumps its version, audits what changed. */
export async function updateNeed(tx: DbClient, actor: Actor, before: NeedRow, data: Partial<NeedFields> & { archived?: boolean }) {
  const { archived, ...fields } = data;
  await tx.need.update({
    where: { id: before.id },
    data: {
      ...fields,
      sourceDate: sourceDate(fields.sourceDate),
      version: { increment: 1 },
      ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }),
    },
  });
  const after = (await findNeed(tx, before.forumId, before.id))!;
  const action = archived === true && !before.archivedAt ? "need.archive" : archived === false && before.archivedAt ? "need.restore" : "need.update";
  await appendAudit(tx, { forumId: before.forumId, actorId: actor.userId, ip: actor.ip, action, entityType: "Need", entityId: before.id, before: auditView(before), after: auditView(after) });
  return after;
}

export async function insertNeedLink(tx: DbClient, actor: Actor, need: NeedRow, target: { documentId: string } | { actionItemId: string }) {
  await tx.needLink.create({ data: { needId: need.id, createdById: actor.userId, ...target } });
  await appendAudit(tx, { forumId: need.forumId, actorId: actor.userId, ip: actor.ip, action: "need.link", entityType: "Need", entityId: need.id, after: target });
}

export async function deleteNeedLink(tx: DbClient, actor: Actor, need: NeedRow, target: { documentId: string } | { actionItemId: string }): Promise<boolean> {
  const { count } = await tx.needLink.deleteMany({ where: { needId: need.id, ...target } });
  if (count > 0) await appendAudit(tx, { forumId: need.forumId, actorId: actor.userId, ip: actor.ip, action: "need.unlink", entityType: "Need", entityId: need.id, before: target });
  return count > 0;
}

/** The needs a recommendation or action answers (for its side panel or form). */
export function needsLinkedTo(db: DbClient, target: { documentId: string } | { actionItemId: string }) {
  return db.need.findMany({
    where: { links: { some: target } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, field: true, period: true, demand: true, supply: true, unit: true, groupId: true, archivedAt: true, region: { select: { name: true } } },
  });
}

/** Live needs of the forum to choose from when linking (title and field, newest period first). */
export function needChoices(db: DbClient, forumId: string) {
  return db.need.findMany({
    where: { forumId, archivedAt: null },
    orderBy: [{ period: "desc" }, { title: "asc" }],
    select: { id: true, title: true, field: true, period: true, groupId: true, region: { select: { name: true } } },
    take: 500,
  });
}


export function listRegions(db: DbClient, forumId: string) {
  return db.region.findMany({ where: { forumId, archivedAt: null }, orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, kind: true, code: true } });
}

export async function insertRegion(tx: DbClient, actor: Actor, forumId: string, data: { name: string; kind: string; code: string | null }) {
  const region = await tx.region.create({ data: { ...data, forumId }, select: { id: true, name: true, kind: true, code: true } });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "region.create", entityType: "Region", entityId: region.id, after: data });
  return region;
}

/** What a need can be linked to: the forum's live recommendations and its open or running actions. */
export async function linkTargets(db: DbClient, forumId: string) {
  const [recommendations, actions] = await Promise.all([
    db.document.findMany({ where: { forumId, kind: "RECOMMENDATION", archivedAt: null, group: { archivedAt: null } }, orderBy: { title: "asc" }, select: { id: true, title: true, group: { select: { name: true } } } }),
    db.actionItem.findMany({ where: { forumId, status: { not: "CANCELLED" }, group: { archivedAt: null } }, orderBy: { title: "asc" }, select: { id: true, title: true, group: { select: { name: true } } }, take: 1000 }),
  ]);
  return {
    recommendations: recommendations.map((d) => ({ id: d.id, label: `${d.title} (${d.group.name})` })),
    actions: actions.map((a) => ({ id: a.id, label: `${a.title} (${a.group.name})` })),
  };
}
