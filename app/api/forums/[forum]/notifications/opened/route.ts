import { markNotificationsOpened } from "@/lib/commands/notifications";
import { forumRoute } from "@/lib/http/forum-route";
import { notificationsOpenedSchema } from "@/lib/validation/notification";

/** Marks the notices the caller opened as read; only the caller's own, in this forum, are touched. */
export const POST = forumRoute<{ forum: string }, typeof notificationsOpenedSchema>({ body: notificationsOpenedSchema }, async ({ caller, body }) => ({
  marked: await markNotificationsOpened(caller, body.ids),
}));
