import { apiRoute, readBody } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminCreateGroup } from "@/lib/services/admin-service";
import { groupCreateSchema } from "@/lib/validation/group";

export const POST = apiRoute<{ forum: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const input = await readBody(req, groupCreateSchema);
  return Response.json({ group: await adminCreateGroup(access, { userId: me.id, ip }, input) }, { status: 201 });
});
