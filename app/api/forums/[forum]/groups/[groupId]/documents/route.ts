import { createDocument } from "@/lib/commands/documents";
import { forumRoute } from "@/lib/http/forum-route";
import { documentCreateSchema } from "@/lib/validation/document";

/** Creates a document in the group (its members and the project leader). */
export const POST = forumRoute<{ forum: string; groupId: string }, typeof documentCreateSchema>({ body: documentCreateSchema, status: 201 }, async ({ params, caller, body }) => ({
  document: await createDocument(caller, params.groupId, body),
}));
