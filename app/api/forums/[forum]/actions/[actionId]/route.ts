import { apiRoute, readBody } from "@/lib/http/api";
import { forumAccessOrThrow } from "@/lib/services/access";
import { readAction, updateAction } from "@/lib/services/action-service";
import { actionUpdateSchema } from "@/lib/validation/action";

type Params = { forum: string; actionId: string };

export const GET = apiRoute<Params>(async ({ params, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  return { item: await readAction(access, params.actionId) };
});

/** Edit, reassign, close or reopen an item. */
export const PATCH = apiRoute<Params>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  const input = await readBody(req, actionUpdateSchema);
  return { item: await updateAction(access, { userId: me.id, ip }, params.actionId, input) };
});
