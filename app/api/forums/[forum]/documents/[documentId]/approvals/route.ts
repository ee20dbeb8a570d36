import { submitForApproval } from "@/lib/commands/approvals";
import { forumRoute } from "@/lib/http/forum-route";
import { submitSchema } from "@/lib/validation/approval";

/** Sends a recommendation to the steering group: freezes its stored text as a version and opens a request on it. */
export const POST = forumRoute<{ forum: string; documentId: string }, typeof submitSchema>({ body: submitSchema, status: 201 }, async ({ params, caller, body }) => ({
  approval: await submitForApproval(caller, params.documentId, body),
}));
