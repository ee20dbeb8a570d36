import { ownerOf, withAccountable, type RaciAssignment } from "../policies/responsibility.ts";
import { appendAudit } from "./audit.ts";
import { raciSummary } from "./raci.ts";
import type { Actor } from "./groups.ts";
import type { ActionStatus, DbClient } from "./types.ts";

const itemSelect = {
  id: true, forumId: true, groupId: true, title: true, description: true, status: true, dueDate: true, updatedAt: true, version: true,
  anchorDocumentId: true, anchorBlockId: true, anchorMissing: true,
  group: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
  targetArea: { select: { id: true, name: true } },
  anchorDocument: { select: { id: true, title: true, groupId: true } },
  responsibilities: {
    orderBy: { createdAt: "asc" },
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
