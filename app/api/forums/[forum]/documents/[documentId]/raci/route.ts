import { setDocumentResponsibilities } from "@/lib/commands/documents";
import { forumRoute } from "@/lib/http/forum-route";
import { raciSchema } from "@/lib/validation/action";

/** Replaces a recommendation's RACI list; two Accountables are refused with 400. */
export const PUT = forumRoute<{ forum: string; documentId: string }, typeof raciSchema>({ body: raciSchema }, async ({ params, caller, body }) => ({
  raci: await setDocumentResponsibilities(caller, params.documentId, body),
}));
