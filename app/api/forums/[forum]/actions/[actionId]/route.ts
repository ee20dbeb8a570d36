import { updateAction } from "@/lib/commands/actions";
import { loadForumItem } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { forumRoute } from "@/lib/http/forum-route";
import { presentAction } from "@/lib/presenters/action";
import { AppError } from "@/lib/services/errors";
import { actionUpdateSchema } from "@/lib/validation/action";

type Params = { forum: string; actionId: string };

/** One item with what the caller may do with it. */
export const GET = forumRoute<Params>({}, async ({ params, access }) => {
  const item = await loadForumItem(db(), access.forum.id, params.actionId);
  if (!item) throw new AppError("not_found");
  return { item: presentAction(access, item) };
});

/** Edit, reassign, close or reopen an item; `version` must be the one the form was opened on (else 409 with the current item). */
export const PATCH = forumRoute<Params, typeof actionUpdateSchema>({ body: actionUpdateSchema }, async ({ params, caller, body }) => ({
  item: await updateAction(caller, params.actionId, body),
}));
