import { undoImport } from "@/lib/commands/imports";
import { forumRoute } from "@/lib/http/forum-route";

/** Undoes an import: what it created is deleted, what it updated gets its previous values (409 when a later import or a hand edit stands in the way). */
export const POST = forumRoute<{ forum: string; batchId: string }>({}, async ({ params, caller }) => ({
  batch: await undoImport(caller, params.batchId),
}));
