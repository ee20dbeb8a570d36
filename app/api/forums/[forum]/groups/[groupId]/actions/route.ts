import { apiRoute, readBody } from "@/lib/http/api";
import { forumAccessOrThrow } from "@/lib/services/access";
import { createAction, readBoard } from "@/lib/services/action-service";
import { actionCreateSchema } from "@/lib/validation/action";

type Params = { forum: string; groupId: string };

/** The group's board: every member of the forum reads it. */
export const GET = apiRoute<Params>(async ({ params, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  return { items: await readBoard(access, params.groupId) };
});

/** A new action item (the group's members and the project leader). */
export const POST = apiRoute<Params>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  const input = await readBody(req, actionCreateSchema);
  return Response.json({ item: await createAction(access, { userId: me.id, ip }, params.groupId, input) }, { status: 201 });
});
