import { startActionThread, threadsOf } from "@/lib/commands/comments";
import { forumRoute } from "@/lib/http/forum-route";
import { actionThreadSchema } from "@/lib/validation/comment";

type Params = { forum: string; actionId: string };

/** The action's comment threads (everyone in the forum). */
export const GET = forumRoute<Params>({}, async ({ params, access }) => ({
  threads: await threadsOf(access, { actionItemId: params.actionId }),
}));

/** Opens a thread on the action. */
export const POST = forumRoute<Params, typeof actionThreadSchema>({ body: actionThreadSchema, status: 201 }, async ({ params, caller, body }) => ({
  thread: await startActionThread(caller, params.actionId, body.body),
}));
