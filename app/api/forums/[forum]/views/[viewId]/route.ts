import { deleteSavedView } from "@/lib/commands/saved-views";
import { forumRoute } from "@/lib/http/forum-route";

/** Deletes one of the caller's own saved views (someone else's is 404). */
export const DELETE = forumRoute<{ forum: string; viewId: string }>({}, async ({ caller, params }) => {
  await deleteSavedView(caller, params.viewId);
  return { ok: true };
});
