import { closeApproval } from "@/lib/commands/approvals";
import { forumRoute } from "@/lib/http/forum-route";
import { closeSchema } from "@/lib/validation/approval";

/** Records the outcome once; an outcome the rules do not allow is 409 with the reason. */
export const POST = forumRoute<{ forum: string; requestId: string }, typeof closeSchema>({ body: closeSchema }, async ({ params, caller, body }) => ({
  approval: await closeApproval(caller, params.requestId, body),
}));
