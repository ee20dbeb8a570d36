import { setThreadState } from "@/lib/commands/comments";
import { forumRoute } from "@/lib/http/forum-route";
import { threadStateSchema } from "@/lib/validation/comment";

type Params = { forum: string; threadId: string };

/** Resolves or reopens the thread (its opener, the group's leads, the project leader). */
export const PATCH = forumRoute<Params, typeof threadStateSchema>({ body: threadStateSchema }, async ({ params, caller, body }) => ({
  thread: await setThreadState(caller, params.threadId, body.resolved),
}));
