import { apiRoute, readBody } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminSetForumRole } from "@/lib/services/admin-service";
import { forumRoleSchema } from "@/lib/validation/user";

export const PATCH = apiRoute<{ forum: string; userId: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const { role } = await readBody(req, forumRoleSchema);
  return { member: await adminSetForumRole(access, { userId: me.id, ip }, params.userId, role) };
});
