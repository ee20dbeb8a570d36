import { db } from "../db/client.ts";
import { findForumAccess, type ForumAccess } from "../db/forums.ts";
import { AppError } from "./errors.ts";
import { canAdministerForum } from "./permissions.ts";

/** The caller's standing in a forum; 404 when they are not a member (existence is not revealed). */
export async function forumAccessOrThrow(userId: string, slug: string): Promise<ForumAccess> {
  const access = await findForumAccess(db(), userId, slug);
  if (!access) throw new AppError("not_found");
  return access;
}

/** As forumAccessOrThrow, and 403 unless the caller administers the forum. */
export async function forumAdminOrThrow(userId: string, slug: string): Promise<ForumAccess> {
  const access = await forumAccessOrThrow(userId, slug);
  if (!canAdministerForum(access)) throw new AppError("forbidden");
  return access;
}
