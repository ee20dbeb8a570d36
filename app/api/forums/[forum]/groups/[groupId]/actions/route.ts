import { createAction } from "@/lib/commands/actions";
import { loadGroupBoard } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { findGroup } from "@/lib/db/groups";
import { forumRoute } from "@/lib/http/forum-route";
import { presentActions } from "@/lib/presenters/action";
import { AppError } from "@/lib/services/errors";
import { actionCreateSchema } from "@/lib/validation/action";

type Params = { forum: string; groupId: string };

/** The group's board: every member of the forum reads it. */
export const GET = forumRoute<Params>({}, async ({ params, access }) => {
  if (!(await findGroup(db(), access.forum.id, params.groupId))) throw new AppError("not_found");
  return { items: presentActions(access, await loadGroupBoard(db(), params.groupId)) };
});

/** A new action item (the group's members and the project leader). */
export const POST = forumRoute<Params, typeof actionCreateSchema>({ body: actionCreateSchema, status: 201 }, async ({ params, caller, body }) => ({
  item: await createAction(caller, params.groupId, body),
}));
