import { checkViewScope, createSavedView } from "@/lib/commands/saved-views";
import { db } from "@/lib/db/client";
import { listSavedViews } from "@/lib/db/saved-views";
import { forumRoute } from "@/lib/http/forum-route";
import { presentSavedView } from "@/lib/presenters/saved-view";
import { savedViewCreateSchema, savedViewListQuerySchema } from "@/lib/validation/saved-view";

/** The caller's own saved views of one list (`?scope=overview` or `?scope=group:<id>`). */
export const GET = forumRoute<{ forum: string }>({ headers: { "Cache-Control": "no-store" } }, async ({ req, access }) => {
  const { scope } = savedViewListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  await checkViewScope({ tx: db(), standing: access }, scope);
  return { views: (await listSavedViews(db(), access.forum.id, access.userId, scope)).map((v) => presentSavedView(access.forum.slug, v)) };
});

/** Saves the current filters and view of a list under a name (for the caller; 409 when the name is taken). */
export const POST = forumRoute<{ forum: string }, typeof savedViewCreateSchema>({ body: savedViewCreateSchema, status: 201 }, async ({ caller, body }) => ({
  view: await createSavedView(caller, body),
}));
