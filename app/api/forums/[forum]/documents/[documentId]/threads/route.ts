import { startDocumentThread, threadsOf } from "@/lib/commands/comments";
import { forumRoute } from "@/lib/http/forum-route";
import { documentThreadSchema } from "@/lib/validation/comment";

type Params = { forum: string; documentId: string };

/** The document's comment threads (everyone who reads the document). */
export const GET = forumRoute<Params>({}, async ({ params, access }) => ({
  threads: await threadsOf(access, { documentId: params.documentId }),
}));

/** Opens a thread on the selected passage; the server adds the comment mark to the text. */
export const POST = forumRoute<Params, typeof documentThreadSchema>({ body: documentThreadSchema, status: 201 }, async ({ params, caller, body }) => ({
  thread: await startDocumentThread(caller, params.documentId, body),
}));
