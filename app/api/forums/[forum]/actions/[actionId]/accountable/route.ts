import { moveActionAccountable } from "@/lib/commands/actions";
import { forumRoute } from "@/lib/http/forum-route";
import { accountableMoveSchema } from "@/lib/validation/action";

/** Moves the item's Accountable (A) to one person or group; the one before becomes R, the owner follows. */
export const POST = forumRoute<{ forum: string; actionId: string }, typeof accountableMoveSchema>({ body: accountableMoveSchema }, async ({ params, caller, body }) => ({
  item: await moveActionAccountable(caller, params.actionId, body),
}));
