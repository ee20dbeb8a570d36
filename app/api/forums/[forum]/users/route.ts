import { apiRoute, readBody } from "@/lib/http/api";
import { forumAdminOrThrow } from "@/lib/services/access";
import { adminCreateUser } from "@/lib/services/admin-service";
import { userCreateSchema } from "@/lib/validation/user";

/** Creates a user; the response carries the one-time password, the only time it is ever shown. */
export const POST = apiRoute<{ forum: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAdminOrThrow(me.id, params.forum);
  const input = await readBody(req, userCreateSchema);
  const created = await adminCreateUser(access, { userId: me.id, ip }, input);
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
