import { db } from "@/lib/db/client";
import { getGroupPage } from "@/lib/db/groups";
import { apiRoute, readBody } from "@/lib/http/api";
import { forumAccessOrThrow, forumAdminOrThrow } from "@/lib/services/access";
import { adminUpdateGroup } from "@/lib/services/admin-service";
import { AppError } from "@/lib/services/errors";
import { groupUpdateSchema } from "@/lib/validation/group";

type Params = { forum: string; groupId: string };

/** The group as its page shows it: every member of the forum may read it. */
export const GET = apiRoute<Params>(async ({ params, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  const group = await getGroupPage(db(), access.forum.id, params.groupId);
  if (!group) throw new AppError("not_found");
  return { group };
});

export const PATCH = apiRoute<Params>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const input = await readBody(req, groupUpdateSchema);
  return { group: await adminUpdateGroup(access, { userId: me.id, ip }, params.groupId, input) };
});
