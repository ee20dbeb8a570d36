import { apiRoute, readBody } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminRemoveMember, adminSetMemberRole } from "@/lib/services/admin-service";
import { membershipRoleSchema } from "@/lib/validation/group";

type Params = { forum: string; groupId: string; userId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const { role } = await readBody(req, membershipRoleSchema);
  return { membership: await adminSetMemberRole(access, { userId: me.id, ip }, params.groupId, params.userId, role) };
});

export const DELETE = apiRoute<Params>(async ({ params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  await adminRemoveMember(access, { userId: me.id, ip }, params.groupId, params.userId);
  return { ok: true };
});
