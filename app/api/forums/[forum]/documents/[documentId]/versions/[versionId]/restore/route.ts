import { restoreVersion } from "@/lib/commands/versions";
import { forumRoute } from "@/lib/http/forum-route";

/** Brings the version's text back as a new edit of the live document and freezes the result as a RESTORE version. */
export const POST = forumRoute<{ forum: string; documentId: string; versionId: string }>({ status: 201 }, async ({ params, caller }) => ({
  version: await restoreVersion(caller, params.documentId, params.versionId),
}));
