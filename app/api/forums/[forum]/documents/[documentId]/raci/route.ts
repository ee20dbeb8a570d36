import { apiRoute, readBody } from "@/lib/http/api";
import { forumAccessOrThrow } from "@/lib/services/access";
import { setDocumentResponsibilities } from "@/lib/services/action-service";
import { raciSchema } from "@/lib/validation/action";

/** Replaces a recommendation's RACI list; two Accountables are refused with 400. */
export const PUT = apiRoute<{ forum: string; documentId: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  const input = await readBody(req, raciSchema);
  return { raci: await setDocumentResponsibilities(access, { userId: me.id, ip }, params.documentId, input) };
});
