import { forumRoute } from "@/lib/http/forum-route";
import { searchForum } from "@/lib/services/search";
import { searchQuerySchema } from "@/lib/validation/search";

/** Full-text search in the forum (`?q=&group=&kind=&area=&status=&cursor=&limit=`): only what the caller may read; bad parameters are 400. */
export const GET = forumRoute<{ forum: string }>({ headers: { "Cache-Control": "no-store" } }, async ({ req, access }) => {
  const params = searchQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return searchForum(access, params);
});
