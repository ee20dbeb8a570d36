import { markNotificationsRead } from "@/lib/commands/notifications";
import { forumRoute } from "@/lib/http/forum-route";

/** Marks the caller's notifications in this forum as read. */
export const POST = forumRoute<{ forum: string }>({}, async ({ caller }) => {
  await markNotificationsRead(caller);
  return { ok: true };
});
