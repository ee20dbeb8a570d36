import { apiRoute, readBody } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminAddMember } from "@/lib/services/admin-service";
import { membershipAddSchema } from "@/lib/validation/group";

export const POST = apiRoute<{ forum: string; groupId: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const input = await readBody(req, membershipAddSchema);
  return Response.json({ membership: await adminAddMember(access, { userId: me.id, ip }, params.groupId, input) }, { status: 201 });
});
