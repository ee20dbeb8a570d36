import { updateDocument } from "@/lib/commands/documents";
import { forumRoute } from "@/lib/http/forum-route";
import { documentUpdateSchema } from "@/lib/validation/document";

/** Renames, re-tags, archives or restores a document; a stale `version` is a 409 with the current metadata. */
export const PATCH = forumRoute<{ forum: string; documentId: string }, typeof documentUpdateSchema>({ body: documentUpdateSchema }, async ({ params, caller, body }) => ({
  document: await updateDocument(caller, params.documentId, body),
}));
