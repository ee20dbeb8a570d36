import { updateGroup } from "@/lib/commands/groups";
import { db } from "@/lib/db/client";
import { getGroupPage } from "@/lib/db/groups";
import { forumRoute } from "@/lib/http/forum-route";
import { AppError } from "@/lib/services/errors";
import { groupUpdateSchema } from "@/lib/validation/group";

type Params = { forum: string; groupId: string };

/** The group as its page shows it: every member of the forum may read it. */
export const GET = forumRoute<Params>({}, async ({ params, access }) => {
  const group = await getGroupPage(db(), access.forum.id, params.groupId);
  if (!group) throw new AppError("not_found");
  return { group };
});

/** Renames the group or edits its mandate; a stale `version` is a 409 with the current values. */
export const PATCH = forumRoute<Params, typeof groupUpdateSchema>({ role: "admin", body: groupUpdateSchema }, async ({ params, caller, body }) => ({
  group: await updateGroup(caller, params.groupId, body),
}));
