import { forumRoute } from "@/lib/http/forum-route";
import { translator } from "@/lib/i18n";
import { compareVersions } from "@/lib/services/versions";
import { versionDiffQuerySchema } from "@/lib/validation/version";

/** What changed between two versions (`?from=&to=`): the newer text with <ins> and <del>. Bad ids are 400, another document's versions 404. */
export const GET = forumRoute<{ forum: string; documentId: string }>({}, async ({ req, params, access, locale }) => {
  const query = versionDiffQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return { diff: await compareVersions(access, params.documentId, query, translator(locale)) };
});
