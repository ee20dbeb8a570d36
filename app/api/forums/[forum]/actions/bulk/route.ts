import { bulkUpdateActions } from "@/lib/commands/actions";
import { forumRoute } from "@/lib/http/forum-route";
import { translator } from "@/lib/i18n";
import { actionBulkSchema } from "@/lib/validation/action";

/**
 * One change (status, owner or due date) for several items, each checked against its own policy
 * and version and saved in its own transaction: the answer counts what changed and lists, per
 * refused item, why (no right, changed meanwhile, not found).
 */
export const POST = forumRoute<{ forum: string }, typeof actionBulkSchema>({ body: actionBulkSchema }, async ({ caller, body, locale }) => {
  const t = translator(locale);
  const { changed, refused } = await bulkUpdateActions(caller, body);
  return {
    changed: changed.length,
    items: changed,
    refused: refused.map((r) => ({ id: r.id, code: r.code, message: t(r.messageKey, r.vars) })),
  };
});
