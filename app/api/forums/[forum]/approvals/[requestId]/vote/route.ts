import { castVote } from "@/lib/commands/approvals";
import { forumRoute } from "@/lib/http/forum-route";
import { voteSchema } from "@/lib/validation/approval";

/** Casts or changes the caller's vote (steering members, while the request is open). */
export const PUT = forumRoute<{ forum: string; requestId: string }, typeof voteSchema>({ body: voteSchema }, async ({ params, caller, body }) => ({
  approval: await castVote(caller, params.requestId, body),
}));
