import { findDocumentForRoom } from "../db/documents.ts";
import { findGroup } from "../db/groups.ts";
import { existingTargetAreaIds } from "../db/documents.ts";
import type { DbClient } from "../db/types.ts";
import { findForumMember } from "../db/users.ts";
import { AppError } from "../services/errors.ts";

// Checks that what a command refers to exists in the caller's forum, read in its transaction.

export async function checkOwner(tx: DbClient, forumId: string, ownerId: string | null | undefined) {
  if (ownerId && !(await findForumMember(tx, forumId, ownerId))) throw new AppError("invalid_input", "errors.unknownOwner");
}

export async function checkTargetAreas(tx: DbClient, forumId: string, ids: (string | null | undefined)[]) {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if ((await existingTargetAreaIds(tx, forumId, wanted)).length !== wanted.length) throw new AppError("invalid_input", "errors.unknownTargetArea");
}

export async function checkAnchor(tx: DbClient, groupId: string, anchor: { documentId: string } | null | undefined) {
  if (!anchor) return;
  const doc = await findDocumentForRoom(tx, anchor.documentId);
  if (!doc || doc.groupId !== groupId) throw new AppError("invalid_input", "errors.unknownAnchor");
}

/** RACI parties: people of the forum and groups of the forum. */
export async function checkParties(tx: DbClient, forumId: string, list: { userId?: string; groupId?: string }[]) {
  for (const a of list) {
    if (a.userId && !(await findForumMember(tx, forumId, a.userId))) throw new AppError("invalid_input", "errors.unknownOwner");
    if (a.groupId && !(await findGroup(tx, forumId, a.groupId))) throw new AppError("invalid_input", "errors.notFound");
  }
}

/** A group of the forum (active), or 404. */
export async function groupOrThrow(tx: DbClient, forumId: string, groupId: string) {
  const group = await findGroup(tx, forumId, groupId);
  if (!group) throw new AppError("not_found");
  return group;
}
