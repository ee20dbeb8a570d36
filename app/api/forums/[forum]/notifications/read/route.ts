import { db } from "@/lib/db/client";
import { markAllRead } from "@/lib/db/notifications";
import { apiRoute } from "@/lib/http/api";
import { forumAccessOrThrow } from "@/lib/services/access";

/** Marks the caller's notifications in this forum as read. */
export const POST = apiRoute<{ forum: string }>(async ({ params, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  await markAllRead(db(), me.id, access.forum.id);
  return { ok: true };
});
