import { createItem, findItemForAccess, loadGroupBoard, loadItem, replaceRaci, updateItem, type BoardItem } from "../db/actions.ts";
import { db } from "../db/client.ts";
import { findDocumentForRoom, replaceDocumentRaci } from "../db/documents.ts";
import type { ForumAccess } from "../db/forums.ts";
import { findGroup, type Actor } from "../db/groups.ts";
import { findForumMember } from "../db/users.ts";
import { announceBoardChange } from "../realtime/access-events.ts";
import type { ActionCreateInput, ActionUpdateInput, RaciInput } from "../validation/action.ts";
import { AppError } from "./errors.ts";
import { deliver, notificationsFor } from "./notify.ts";
import { canEditGroupContent } from "./permissions.ts";

// Action items and their responsibilities. Every change: permission → checks → one transaction with
// an audit event → the group's board room is refreshed → notifications are queued (the mail worker e-mails).

async function checkReferences(access: ForumAccess, groupId: string, input: { ownerId?: string | null; targetAreaId?: string | null; anchor?: { documentId: string } | null }) {
  if (input.ownerId && !(await findForumMember(db(), access.forum.id, input.ownerId))) throw new AppError("invalid_input", "errors.unknownOwner");
  if (input.targetAreaId) {
    const area = await db().targetArea.findFirst({ where: { id: input.targetAreaId, forumId: access.forum.id, archivedAt: null }, select: { id: true } });
    if (!area) throw new AppError("invalid_input", "errors.unknownTargetArea");
  }
  if (input.anchor) {
    const doc = await findDocumentForRoom(db(), input.anchor.documentId);
    if (!doc || doc.groupId !== groupId) throw new AppError("invalid_input", "errors.unknownAnchor");
  }
}

async function itemForWrite(access: ForumAccess, id: string, opts: { ownerMay?: boolean } = {}) {
  const item = await findItemForAccess(db(), id);
  if (!item || item.forumId !== access.forum.id) throw new AppError("not_found");
  // The owner of an item may always move its status, even in a group they are not part of.
  const ownerMay = opts.ownerMay === true && item.ownerId === access.userId;
  if (!canEditGroupContent(access, item.groupId) && !ownerMay) throw new AppError("forbidden");
  return item;
}

async function afterChange(access: ForumAccess, actor: Actor, before: BoardItem | null, after: BoardItem) {
  announceBoardChange({ groupId: after.groupId });
  await deliver(notificationsFor(access.forum.id, actor.userId, before, after));
}

/** The board of a group, for any member of the forum. */
export async function readBoard(access: ForumAccess, groupId: string) {
  if (!(await findGroup(db(), access.forum.id, groupId))) throw new AppError("not_found");
  return loadGroupBoard(db(), groupId);
}

export async function createAction(access: ForumAccess, actor: Actor, groupId: string, input: ActionCreateInput) {
  if (!(await findGroup(db(), access.forum.id, groupId))) throw new AppError("not_found");
  if (!canEditGroupContent(access, groupId)) throw new AppError("forbidden");
  await checkReferences(access, groupId, input);
  const item = await createItem(db(), actor, access.forum.id, groupId, input);
  await afterChange(access, actor, null, item);
  return item;
}

export async function updateAction(access: ForumAccess, actor: Actor, id: string, input: ActionUpdateInput) {
  const onlyStatus = Object.keys(input).every((k) => k === "status");
  const item = await itemForWrite(access, id, { ownerMay: onlyStatus });
  await checkReferences(access, item.groupId, input);
  const result = await updateItem(db(), actor, access.forum.id, id, input);
  if (!result) throw new AppError("not_found");
  await afterChange(access, actor, result.before, result.after);
  return result.after;
}

async function checkParties(access: ForumAccess, input: RaciInput) {
  for (const a of input.assignments) {
    if (a.userId && !(await findForumMember(db(), access.forum.id, a.userId))) throw new AppError("invalid_input", "errors.unknownOwner");
    if (a.groupId && !(await findGroup(db(), access.forum.id, a.groupId))) throw new AppError("invalid_input", "errors.notFound");
  }
}

/** RACI of a recommendation (or any document): the owning group's members and the project leader. */
export async function setDocumentResponsibilities(access: ForumAccess, actor: Actor, documentId: string, input: RaciInput) {
  const doc = await findDocumentForRoom(db(), documentId);
  if (!doc || doc.forumId !== access.forum.id) throw new AppError("not_found");
  if (!canEditGroupContent(access, doc.groupId)) throw new AppError("forbidden");
  await checkParties(access, input);
  return replaceDocumentRaci(db(), actor, access.forum.id, documentId, input.assignments);
}

export async function setResponsibilities(access: ForumAccess, actor: Actor, id: string, input: RaciInput) {
  const item = await itemForWrite(access, id);
  await checkParties(access, input);
  const result = await replaceRaci(db(), actor, access.forum.id, item.id, input.assignments);
  if (!result) throw new AppError("not_found");
  await afterChange(access, actor, result.before, result.after);
  return result.after;
}

export async function readAction(access: ForumAccess, id: string) {
  const item = await loadItem(db(), id);
  if (!item) throw new AppError("not_found");
  const row = await findItemForAccess(db(), id);
  if (row?.forumId !== access.forum.id) throw new AppError("not_found");
  return item;
}
