import { forumRoute } from "@/lib/http/forum-route";
import { documentVersion } from "@/lib/services/versions";

/** One version with its frozen HTML and text. Versions are never changed or deleted: GET only. */
export const GET = forumRoute<{ forum: string; documentId: string; versionId: string }>({}, async ({ params, access }) => ({
  version: await documentVersion(access, params.documentId, params.versionId),
}));
