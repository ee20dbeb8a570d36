import { ownerOf, withAccountable, type RaciAssignment } from "../policies/responsibility.ts";
import { appendAudit } from "./audit.ts";
import { RACI_ORDER, raciSummary } from "./raci.ts";
import type { Actor } from "./groups.ts";
import type { ActionStatus, DbClient } from "./types.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { sortActions, weekOf, type ActionFilters, type SortableAction } from "../services/action-filters.ts";
import { addDays } from "../time/oslo.ts";
import type { ActionSortKey } from "../validation/action-list.ts";

const itemSelect = {
  id: true, forumId: true, groupId: true, title: true, description: true, status: true, dueDate: true, updatedAt: true, version: true,
  anchorDocumentId: true, anchorBlockId: true, anchorMissing: true,
  group: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
  targetArea: { select: { id: true, name: true } },
  anchorDocument: { select: { id: true, title: true, groupId: true } },
  responsibilities: {
    orderBy: RACI_ORDER,
    select: { role: true, user: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } },
  },
  // The conversations about it: how many, and when one last changed (open detail views fetch them then).
  _count: { select: { threads: true } },
  threads: { select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
} as const;

/**
 * An action item as read from the database: plain JSON, the same for every viewer. The presenter
 * (lib/presenters/action.ts) adds the viewer's abilities; the board room carries it as it is.
 */
export interface BoardItem {
  id: string;
  groupId: string;
  groupName: string;
  title: string;
  description: string;
  status: ActionStatus;
  owner: { id: string; name: string } | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  targetArea: { id: string; name: string } | null;
  anchor: { documentId: string; documentTitle: string; groupId: string; blockId: string; missing: boolean } | null;
  raci: { role: "R" | "A" | "C" | "I"; user: { id: string; name: string } | null; group: { id: string; name: string } | null }[];
  updatedAt: string;
  /** Optimistic concurrency: the version an edit form was opened on. */
  version: number;
  /** Comment threads about the item: how many, and when one last changed. */
  comments: { threads: number; lastAt: string | null };
}

type Row = Awaited<ReturnType<typeof rows>>[number];

function rows(db: DbClient, where: object) {
  return db.actionItem.findMany({ where, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }], select: itemSelect });
}

function toBoardItem(r: Row): BoardItem {
  return {
    id: r.id, groupId: r.groupId, groupName: r.group.name, title: r.title, description: r.description, status: r.status,
    owner: r.owner, dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null, targetArea: r.targetArea,
    anchor: r.anchorDocument && r.anchorBlockId
      ? { documentId: r.anchorDocument.id, documentTitle: r.anchorDocument.title, groupId: r.anchorDocument.groupId, blockId: r.anchorBlockId, missing: r.anchorMissing }
      : null,
    raci: r.responsibilities.map((x) => ({ role: x.role, user: x.user, group: x.group })),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    comments: { threads: r._count.threads, lastAt: r.threads[0]?.updatedAt.toISOString() ?? null },
  };
}

/** Every action item of a group, as the board shows it (plain JSON, also what the board room carries). */
export async function loadGroupBoard(db: DbClient, groupId: string): Promise<BoardItem[]> {
  return (await rows(db, { groupId, group: { archivedAt: null } })).map(toBoardItem);
}

/** Every action item of a forum (the project leader's overview, CSV). */
export async function loadForumItems(db: DbClient, forumId: string): Promise<BoardItem[]> {
  return (await rows(db, { forumId, group: { archivedAt: null } })).map(toBoardItem);
}

export async function loadItem(db: DbClient, id: string): Promise<BoardItem | null> {
  const [r] = await rows(db, { id });
  return r ? toBoardItem(r) : null;
}

/** An item of the forum, or null (also for another forum's item: existence is not revealed). */
export async function loadForumItem(db: DbClient, forumId: string, id: string): Promise<BoardItem | null> {
  const [r] = await rows(db, { id, forumId });
  return r ? toBoardItem(r) : null;
}

const auditView = (i: BoardItem) => ({
  title: i.title, description: i.description, status: i.status, owner: i.owner?.name ?? null, ownerId: i.owner?.id ?? null, dueDate: i.dueDate,
  targetArea: i.targetArea?.name ?? null, raci: raciSummary(i.raci),
});

async function writeRaci(tx: DbClient, id: string, list: readonly RaciAssignment[]) {
  await tx.responsibility.deleteMany({ where: { actionItemId: id } });
  if (list.length) await tx.responsibility.createMany({ data: list.map((a) => ({ actionItemId: id, role: a.role, userId: a.userId ?? null, groupId: a.groupId ?? null })) });
}

export interface ItemWrite {
  title?: string;
  description?: string;
  status?: ActionStatus;
  ownerId?: string | null;
  dueDate?: string | null;
  targetAreaId?: string | null;
}

const dueDate = (d: string | null | undefined) => (d === undefined ? undefined : d === null ? null : new Date(`${d}T12:00:00Z`));

/** Creates an item (and its audit event) in the caller's transaction. */
export async function createItem(
  tx: DbClient, actor: Actor, forumId: string, groupId: string,
  data: Required<Omit<ItemWrite, "status">> & { status: ActionStatus; anchor: { documentId: string; blockId: string; text?: string } | null },
) {
  const created = await tx.actionItem.create({
    data: {
      forumId, groupId, title: data.title, description: data.description, status: data.status, ownerId: data.ownerId,
      dueDate: dueDate(data.dueDate), targetAreaId: data.targetAreaId, createdById: actor.userId,
      anchorDocumentId: data.anchor?.documentId ?? null, anchorBlockId: data.anchor?.blockId ?? null, anchorText: data.anchor?.text ?? null,
      closedAt: data.status === "DONE" || data.status === "CANCELLED" ? new Date() : null,
      // Whoever owns a new item is its Accountable until someone says otherwise.
      responsibilities: data.ownerId ? { create: [{ role: "A", userId: data.ownerId }] } : undefined,
    },
    select: { id: true },
  });
  const item = (await loadItem(tx, created.id))!;
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "action.create", entityType: "ActionItem", entityId: item.id, after: auditView(item) });
  return item;
}

/**
 * Updates an item the caller has loaded (`before`) in its transaction, bumps its version, audits.
 * A new owner is the new Accountable (A) in the same step; the one before stays as R.
 */
export async function updateItem(tx: DbClient, actor: Actor, forumId: string, before: BoardItem, data: ItemWrite) {
  const id = before.id;
  if (data.ownerId !== undefined && data.ownerId !== (before.owner?.id ?? null)) {
    // The owner IS the Accountable person (lib/policies/responsibility.ts).
    await writeRaci(tx, id, withAccountable(before.raci, data.ownerId ? { userId: data.ownerId } : null));
  }
  const closing = data.status === "DONE" || data.status === "CANCELLED";
  await tx.actionItem.update({
    where: { id },
    data: {
      ...data,
      version: { increment: 1 },
      dueDate: dueDate(data.dueDate),
      ...(data.status === undefined ? {} : { closedAt: closing ? new Date() : null }),
    },
  });
  const after = (await loadItem(tx, id))!;
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "action.update", entityType: "ActionItem", entityId: id, before: auditView(before), after: auditView(after) });
  return after;
}

/**
 * Replaces the RACI list of an item the caller has loaded (`before`); bumps its version, audits.
 * The owner follows the list's Accountable (a person; none when a group or nobody is A).
 */
export async function replaceRaci(tx: DbClient, actor: Actor, forumId: string, before: BoardItem, list: readonly RaciAssignment[]) {
  const id = before.id;
  await writeRaci(tx, id, list);
  await tx.actionItem.update({ where: { id }, data: { ownerId: ownerOf(list), updatedAt: new Date(), version: { increment: 1 } } });
  const after = (await loadItem(tx, id))!;
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "action.raci", entityType: "ActionItem", entityId: id, before: raciSummary(before.raci), after: raciSummary(after.raci) });
  return after;
}

// ---- lists: filtered, counted and paged in SQL -------------------------------------------------

const OPEN_STATUSES = ["OPEN", "IN_PROGRESS", "BLOCKED"] as const satisfies readonly ActionStatus[];
const CLOSED_STATUSES = ["DONE", "CANCELLED"] as const satisfies readonly ActionStatus[];

/** Whose items a list shows: a forum's (optionally one group's), and for "Mine tiltak" one person's. */
export interface ActionListScope {
  forumId: string;
  groupId?: string;
  /** Only items the person owns or is A or R for, in person or through one of `groupIds`. */
  mine?: { userId: string; groupIds: readonly string[] };
}

/** What a list asks for: its filters, whether closed items are included, its order and page. */
export interface ActionListRequest {
  filters: ActionFilters;
  /** Closed (done, cancelled) items too; a status filter on a closed status includes them anyway. */
  closed: boolean;
  sort?: ActionSortKey;
  dir?: "asc" | "desc";
  /** 1-based; past the last page gives the last page. */
  page: number;
  /** Items per page; 0 for all (the CSV). */
  pageSize: number;
  /** YYYY-MM-DD in Oslo (overdue and "due this week" are relative to it). */
  today: string;
}

export interface ActionListPage {
  items: BoardItem[];
  /** Items matching the filters (on every page). */
  total: number;
  page: number;
  pageCount: number;
  /** Closed items matching the other filters, shown or not (the "show closed (N)" link). */
  closedCount: number;
}

const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

/** The SQL filter of a list: the same rules as applyFilters (lib/services/action-filters.ts), as a Prisma `where`. */
export function actionListWhere(scope: ActionListScope, f: ActionFilters, today: string): Prisma.ActionItemWhereInput {
  const and: Prisma.ActionItemWhereInput[] = [{ forumId: scope.forumId, group: { archivedAt: null } }];
  if (scope.groupId) and.push({ groupId: scope.groupId });
  if (scope.mine) {
    const { userId, groupIds } = scope.mine;
    and.push({
      OR: [
        { ownerId: userId },
        { responsibilities: { some: { role: { in: ["A", "R"] }, OR: [{ userId }, ...(groupIds.length ? [{ groupId: { in: [...groupIds] } }] : [])] } } },
      ],
    });
  }
  if (f.group) and.push({ groupId: f.group });
  if (f.owner) and.push({ ownerId: f.owner === "none" ? null : f.owner });
  if (f.status) and.push({ status: f.status });
  if (f.targetArea) and.push({ targetAreaId: f.targetArea });
  // A due date is a calendar day; whatever its time of day, "before today" is before today's UTC midnight.
  if (f.overdue) and.push({ status: { in: [...OPEN_STATUSES] }, dueDate: { lt: utcMidnight(today) } });
  if (f.dueThisWeek) {
    const week = weekOf(today);
    and.push({ status: { in: [...OPEN_STATUSES] }, dueDate: { gte: utcMidnight(week.from), lt: utcMidnight(addDays(week.to, 1)) } });
  }
  if (f.noAccountable) and.push({ responsibilities: { none: { role: "A" } } });
  return { AND: and };
}

/** Whether a list with these filters hides closed items (unless asked for them, or its status filter is a closed one). */
function hidesClosed(req: Pick<ActionListRequest, "filters" | "closed">) {
  return !req.closed && !(req.filters.status && (CLOSED_STATUSES as readonly string[]).includes(req.filters.status));
}

/** The key columns of a row the working order needs (and the read order the old path had: due date, then creation). */
const workKeySelect = { id: true, status: true, dueDate: true, title: true } as const;
type WorkKeyRow = { id: string; status: ActionStatus; dueDate: Date | null; title: string };
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The working order's leading keys as SQL segments, in order: overdue (open, due before today),
 * open with a due date, open without one, closed with a due date, closed without one. Within a
 * segment the order by due date is SQL's; the rest of the order (title, by Norwegian collation) is
 * the comparator's, so a page is read up to its end plus the rows that tie with its last one.
 */
function workSegments(where: Prisma.ActionItemWhereInput, today: string, withClosed: boolean): Prisma.ActionItemWhereInput[] {
  const midnight = utcMidnight(today);
  const open = { status: { in: [...OPEN_STATUSES] } };
  const closed = { status: { in: [...CLOSED_STATUSES] } };
  const segments: Prisma.ActionItemWhereInput[] = [
    { ...open, dueDate: { lt: midnight } },
    { ...open, dueDate: { gte: midnight } },
    { ...open, dueDate: null },
  ];
  if (withClosed) segments.push({ ...closed, dueDate: { not: null } }, { ...closed, dueDate: null });
  return segments.map((s) => ({ AND: [where, s] }));
}

/**
 * The first `end` rows of a list in the working order's leading keys (rank, due date), plus every
 * row that ties with the last of them on those keys, in the old path's read order within a tie
 * (due date, then creation). Sorting these with the old comparator gives the list's first `end`
 * items exactly as sorting every row did.
 */
async function workPrefix(db: DbClient, where: Prisma.ActionItemWhereInput, today: string, withClosed: boolean, end: number): Promise<WorkKeyRow[]> {
  const out: WorkKeyRow[] = [];
  for (const segment of workSegments(where, today, withClosed)) {
    const want = end - out.length;
    if (want <= 0) break;
    const rows = await db.actionItem.findMany({ where: segment, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }], take: want, select: workKeySelect });
    if (rows.length < want) {
      out.push(...rows);
      continue;
    }
    // The segment may go on: add what ties with the last row read (the same due day; without a due date, the whole rest).
    const last = rows[rows.length - 1]!.dueDate;
    const tieWhere: Prisma.ActionItemWhereInput = last === null
      ? { AND: [segment, { dueDate: null }] }
      : { AND: [segment, { dueDate: { gte: utcMidnight(day(last)!), lt: utcMidnight(addDays(day(last)!, 1)) } }] };
    const ties = await db.actionItem.findMany({ where: tieWhere, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }], select: workKeySelect });
    const lastDay = day(last);
    out.push(...rows.filter((r) => day(r.dueDate) !== lastDay), ...ties);
    break;
  }
  return out;
}

const toSortable = (k: WorkKeyRow & { owner?: unknown; group?: unknown; targetArea?: unknown; responsibilities?: unknown }): SortableAction => ({
  id: k.id, status: k.status, title: k.title, dueDate: day(k.dueDate),
  owner: "owner" in k ? (k.owner as SortableAction["owner"]) : null,
  groupName: "group" in k ? (k.group as { name: string }).name : "",
  targetArea: "targetArea" in k ? (k.targetArea as SortableAction["targetArea"]) : null,
  raci: "responsibilities" in k ? (k.responsibilities as SortableAction["raci"]) : [],
});

/**
 * One page of a list, filtered and counted in SQL. The order is the screen's (sortActions: the
 * working order, or a table column). In the working order, SQL orders by its leading keys and only
 * the rows up to the page's end (plus ties) are read, then ordered by the old comparator; a table
 * column (or the CSV, every page) reads the order's columns of every matching row. Only the page's
 * items are read in full.
 */
export async function listActions(db: DbClient, scope: ActionListScope, req: ActionListRequest): Promise<ActionListPage> {
  const { slice, where, ...counts } = await listKeys(db, scope, req);
  // A page: its ids (at most pageSize). Every page (the CSV): the same filter again, not thousands of ids as SQL variables.
  const full = !slice.length ? [] : req.pageSize > 0 ? await rows(db, { id: { in: slice.map((s) => s.id) } }) : await rows(db, where);
  const byId = new Map(full.map((r) => [r.id, toBoardItem(r)]));
  return { items: slice.map((s) => byId.get(s.id)).filter((i): i is BoardItem => i !== undefined), ...counts };
}

/**
 * As listActions, the ids only, in the list's order: for a reader that fetches its own columns (the
 * CSV reads every matching row, and only what it prints, through lib/db/page-reads.ts).
 */
export async function listActionIds(db: DbClient, scope: ActionListScope, req: ActionListRequest): Promise<Omit<ActionListPage, "items"> & { ids: string[] }> {
  const { slice, total, page, pageCount, closedCount } = await listKeys(db, scope, req);
  return { ids: slice.map((s) => s.id), total, page, pageCount, closedCount };
}

/** The ordered keys of the list's page (every row with pageSize 0), its counts, and its SQL filter. */
async function listKeys(db: DbClient, scope: ActionListScope, req: ActionListRequest) {
  const base = actionListWhere(scope, req.filters, req.today);
  const withClosed = !hidesClosed(req);
  const where: Prisma.ActionItemWhereInput = withClosed ? base : { AND: [base, { status: { in: [...OPEN_STATUSES] } }] };
  // Counts by status in one query: the total shown and the closed ones (shown or not).
  const byStatus = await db.actionItem.groupBy({ by: ["status"], where: base, _count: { _all: true } });
  let total = 0;
  let closedCount = 0;
  for (const r of byStatus) {
    const isClosed = (CLOSED_STATUSES as readonly string[]).includes(r.status);
    if (isClosed) closedCount += r._count._all;
    if (withClosed || !isClosed) total += r._count._all;
  }
  const pageCount = req.pageSize > 0 ? Math.max(1, Math.ceil(total / req.pageSize)) : 1;
  const page = Math.min(Math.max(1, Math.floor(req.page) || 1), pageCount);
  const needs = req.sort ?? null;
  let ordered: SortableAction[];
  if (!needs && req.pageSize > 0) {
    ordered = sortActions((await workPrefix(db, where, req.today, withClosed, page * req.pageSize)).map(toSortable), req.today);
  } else {
    const keys = await db.actionItem.findMany({
      where,
      // The order the old path read rows in: the sort below is stable, so ties keep it.
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      select: {
        ...workKeySelect,
        ...(needs === "owner" ? { owner: { select: { id: true, name: true } } } : {}),
        ...(needs === "group" ? { group: { select: { name: true } } } : {}),
        ...(needs === "targetArea" ? { targetArea: { select: { id: true, name: true } } } : {}),
        ...(needs === "accountable"
          ? { responsibilities: { where: { role: "A" }, orderBy: RACI_ORDER, take: 1, select: { role: true, user: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } } } }
          : {}),
      },
    });
    ordered = sortActions(keys.map(toSortable), req.today, req.sort, req.dir);
  }
  const slice = req.pageSize > 0 ? ordered.slice((page - 1) * req.pageSize, page * req.pageSize) : ordered;
  return { slice, where, total, page, pageCount, closedCount };
}

/** The overview's counts per group: items per status and the overdue ones, in one SQL GROUP BY. */
export async function countActionsByGroup(db: DbClient, forumId: string, today: string): Promise<{ groupId: string; byStatus: Record<ActionStatus, number>; overdue: number }[]> {
  // Compared with dueDate as Prisma's SQLite adapter stores a DateTime (ISO text with "+00:00"); PostgreSQL
  // reads the same text as a timestamp (the offset is zero). Identifiers quoted: PostgreSQL folds bare ones.
  const midnight = utcMidnight(today).toISOString().replace("Z", "+00:00");
  const counted = await db.$queryRaw<{ groupId: string; status: ActionStatus; n: bigint | number; overdue: bigint | number | null }[]>`
    SELECT a."groupId" AS "groupId", a."status" AS "status", COUNT(*) AS "n",
      SUM(CASE WHEN a."status" IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') AND a."dueDate" IS NOT NULL AND a."dueDate" < ${midnight} THEN 1 ELSE 0 END) AS "overdue"
    FROM "ActionItem" a JOIN "Group" g ON g."id" = a."groupId"
    WHERE a."forumId" = ${forumId} AND g."archivedAt" IS NULL
    GROUP BY a."groupId", a."status"`;
  const out = new Map<string, { groupId: string; byStatus: Record<ActionStatus, number>; overdue: number }>();
  for (const r of counted) {
    let e = out.get(r.groupId);
    if (!e) out.set(r.groupId, (e = { groupId: r.groupId, byStatus: { OPEN: 0, IN_PROGRESS: 0, BLOCKED: 0, DONE: 0, CANCELLED: 0 }, overdue: 0 }));
    e.byStatus[r.status] = Number(r.n);
    e.overdue += Number(r.overdue ?? 0);
  }
  return [...out.values()];
}

/**
 * A group's open items (what its live board room replicates; closed ones come with the pages that
 * show them), and with `closedSince` also the items closed since then (the room's short list of
 * what closed while it was loaded, so views showing them as open hear of it).
 */
export async function loadOpenBoard(db: DbClient, groupId: string, closedSince?: Date): Promise<BoardItem[]> {
  const open = { status: { in: [...OPEN_STATUSES] } };
  const status = closedSince ? { OR: [open, { status: { in: [...CLOSED_STATUSES] }, closedAt: { gte: closedSince } }] } : open;
  return (await rows(db, { groupId, group: { archivedAt: null }, ...status })).map(toBoardItem);
}
