import { apiRoute, readBody } from "@/lib/http/api";
import { forumAccessOrThrow } from "@/lib/services/access";
import { createGroupDocument } from "@/lib/services/document-service";
import { documentCreateSchema } from "@/lib/validation/document";

/** Creates a document in the group (its members and the project leader). */
export const POST = apiRoute<{ forum: string; groupId: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  const input = await readBody(req, documentCreateSchema);
  return Response.json({ document: await createGroupDocument(access, { userId: me.id, ip }, params.groupId, input) }, { status: 201 });
});
