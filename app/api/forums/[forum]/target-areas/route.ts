import { apiRoute, readBody } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminCreateTargetArea } from "@/lib/services/admin-service";
import { targetAreaCreateSchema } from "@/lib/validation/target-area";

export const POST = apiRoute<{ forum: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const input = await readBody(req, targetAreaCreateSchema);
  return Response.json({ targetArea: await adminCreateTargetArea(access, { userId: me.id, ip }, input) }, { status: 201 });
});
