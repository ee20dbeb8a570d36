import { deleteComment, editComment } from "@/lib/commands/comments";
import { forumRoute } from "@/lib/http/forum-route";
import { commentSchema } from "@/lib/validation/comment";

type Params = { forum: string; commentId: string };

/** The author changes the comment's text. */
export const PATCH = forumRoute<Params, typeof commentSchema>({ body: commentSchema }, async ({ params, caller, body }) => ({
  thread: await editComment(caller, params.commentId, body.body),
}));

/** The author deletes the comment (its place in the thread stays). */
export const DELETE = forumRoute<Params>({}, async ({ params, caller }) => ({
  thread: await deleteComment(caller, params.commentId),
}));
