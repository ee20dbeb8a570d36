import { apiRoute, readBody } from "@/lib/http/api";
import { forumAccessOrThrow } from "@/lib/services/access";
import { updateGroupDocument } from "@/lib/services/document-service";
import { documentUpdateSchema } from "@/lib/validation/document";

/** Renames, re-tags, archives or restores a document (the owning group's members and the project leader). */
export const PATCH = apiRoute<{ forum: string; documentId: string }>(async ({ req, params, ip, user }) => {
  const me = await user();
  const access = await forumAccessOrThrow(me.id, params.forum);
  const input = await readBody(req, documentUpdateSchema);
  return { document: await updateGroupDocument(access, { userId: me.id, ip }, params.documentId, input) };
});
