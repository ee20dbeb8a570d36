import { db } from "@/lib/db/client";
import { loadApproval, loadSteering } from "@/lib/db/approvals";
import { forumRoute } from "@/lib/http/forum-route";
import { presentApproval } from "@/lib/presenters/approval";
import { AppError } from "@/lib/services/errors";

/** One request with its votes and what the caller may do (every member of the forum reads it). */
export const GET = forumRoute<{ forum: string; requestId: string }>({}, async ({ params, access }) => {
  const view = await loadApproval(db(), access.forum.id, params.requestId);
  if (!view) throw new AppError("not_found");
  return { approval: presentApproval(access, await loadSteering(db(), access.forum.id), view) };
});
