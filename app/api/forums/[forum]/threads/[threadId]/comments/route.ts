import { replyToThread } from "@/lib/commands/comments";
import { forumRoute } from "@/lib/http/forum-route";
import { commentSchema } from "@/lib/validation/comment";

type Params = { forum: string; threadId: string };

/** Replies in an open thread. */
export const POST = forumRoute<Params, typeof commentSchema>({ body: commentSchema, status: 201 }, async ({ params, caller, body }) => ({
  thread: await replyToThread(caller, params.threadId, body.body),
}));
