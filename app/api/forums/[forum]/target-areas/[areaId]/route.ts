import { apiRoute, readBody } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminUpdateTargetArea } from "@/lib/services/admin-service";
import { targetAreaUpdateSchema } from "@/lib/validation/target-area";

export const PATCH = apiRoute<{ forum: string; areaId: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const input = await readBody(req, targetAreaUpdateSchema);
  return { targetArea: await adminUpdateTargetArea(access, { userId: me.id, ip }, params.areaId, input) };
});
