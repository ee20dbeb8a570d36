import { followDocument } from "@/lib/commands/follows";
import { forumRoute } from "@/lib/http/forum-route";

type Params = { forum: string; documentId: string };

/** Follows the document: its grouped change notices and new comment threads reach the caller. */
export const POST = forumRoute<Params>({}, async ({ params, caller }) => followDocument(caller, params.documentId, true));

/** Unfollows the document (also for members of its group, who follow by default). */
export const DELETE = forumRoute<Params>({}, async ({ params, caller }) => followDocument(caller, params.documentId, false));
