import { apiRoute } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminResetPassword } from "@/lib/services/admin-service";

export const POST = apiRoute<{ forum: string; userId: string }>(async ({ params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const result = await adminResetPassword(access, { userId: me.id, ip }, params.userId);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
