import { db } from "../db/client.ts";
import { createDocument, existingTargetAreaIds, findDocumentForRoom, updateDocumentMeta } from "../db/documents.ts";
import type { ForumAccess } from "../db/forums.ts";
import { findGroup, type Actor } from "../db/groups.ts";
import { announceAccessChange } from "../realtime/access-events.ts";
import type { DocumentCreateInput, DocumentUpdateInput } from "../validation/document.ts";
import { AppError } from "./errors.ts";
import { canEditGroupContent } from "./permissions.ts";

async function checkTargetAreas(forumId: string, ids: string[]) {
  const found = await existingTargetAreaIds(db(), forumId, ids);
  if (found.length !== ids.length) throw new AppError("invalid_input", "errors.unknownTargetArea");
}

/** Creates a document in a group; the sync server gives its live text the title as a heading on first open. */
export async function createGroupDocument(access: ForumAccess, actor: Actor, groupId: string, input: DocumentCreateInput) {
  const group = await findGroup(db(), access.forum.id, groupId);
  if (!group) throw new AppError("not_found");
  if (!canEditGroupContent(access, groupId)) throw new AppError("forbidden");
  await checkTargetAreas(access.forum.id, input.targetAreaIds);
  return createDocument(db(), actor, { forumId: access.forum.id, groupId, ...input });
}

/** Renames, re-tags, archives or restores a document. */
export async function updateGroupDocument(access: ForumAccess, actor: Actor, documentId: string, input: DocumentUpdateInput) {
  const doc = await findDocumentForRoom(db(), documentId);
  if (!doc || doc.forumId !== access.forum.id) throw new AppError("not_found");
  if (!canEditGroupContent(access, doc.groupId)) throw new AppError("forbidden");
  if (input.targetAreaIds) await checkTargetAreas(access.forum.id, input.targetAreaIds);
  const updated = await updateDocumentMeta(db(), actor, access.forum.id, documentId, input);
  if (!updated) throw new AppError("not_found");
  // Archiving makes open editors read-only (and restoring writable) right away.
  if (input.archived !== undefined) announceAccessChange({ forumId: access.forum.id });
  return updated;
}
