import { setActionResponsibilities } from "@/lib/commands/actions";
import { forumRoute } from "@/lib/http/forum-route";
import { raciSchema } from "@/lib/validation/action";

/** Replaces the item's RACI list; two Accountables are refused with 400. */
export const PUT = forumRoute<{ forum: string; actionId: string }, typeof raciSchema>({ body: raciSchema }, async ({ params, caller, body }) => ({
  item: await setActionResponsibilities(caller, params.actionId, body),
}));
