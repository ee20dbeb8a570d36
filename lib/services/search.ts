import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { searchHitFacts } from "../db/search-sources.ts";
import type { DbClient } from "../db/types.ts";
import { actionAbilities } from "../policies/action.ts";
import { documentAbilities, documentFacts } from "../policies/document.ts";
import { presentSearchHit, type SearchResultsView } from "../presenters/search.ts";
import { queryTokens, searchIndex, type SearchRow } from "../search/index.ts";
import type { SearchParams } from "../validation/search.ts";

type Facts = Awaited<ReturnType<typeof searchHitFacts>>;

/**
 * The document or action a hit belongs to (a comment's: its thread's), as stored now, when the
 * viewer may read it; null otherwise. Asked of the same policies as every page: the index is
 * never trusted to decide who reads what.
 */
function readableParent(viewer: ForumAccess, row: SearchRow, facts: Facts): { groupId: string; title: string } | null {
  if (row.documentId) {
    const doc = facts.documents.get(row.documentId);
    return doc && documentAbilities(viewer, documentFacts(doc)).read ? doc : null;
  }
  const item = row.actionItemId ? facts.actions.get(row.actionItemId) : undefined;
  return item && actionAbilities(viewer, { groupId: item.groupId, ownerId: item.ownerId }).read ? item : null;
}

/**
 * A search in the viewer's forum: the index finds (in that forum only, with the filters), then each
 * hit is checked against the read policies of what it belongs to, as stored now. Input that leaves
 * no word to search for finds nothing.
 */
export async function searchForum(viewer: ForumAccess, params: SearchParams, client: DbClient = db()): Promise<SearchResultsView> {
  const words = queryTokens(params.q);
  if (words.length === 0) return { hits: [], nextCursor: null };
  const offset = params.cursor ?? 0;
  const rows = await searchIndex(client).query(client, {
    forumId: viewer.forum.id, words, groupId: params.group, kind: params.kind, targetAreaId: params.area, status: params.status,
    offset, limit: params.limit + 1,
  });
  const page = rows.slice(0, params.limit);
  const facts = await searchHitFacts(
    client, viewer.forum.id,
    [...new Set(page.flatMap((r) => (r.documentId ? [r.documentId] : [])))],
    [...new Set(page.flatMap((r) => (!r.documentId && r.actionItemId ? [r.actionItemId] : [])))],
  );
  const hits = page.flatMap((row) => {
    const parent = readableParent(viewer, row, facts);
    return parent ? [presentSearchHit(viewer.forum.slug, row, parent)] : [];
  });
  return { hits, nextCursor: rows.length > params.limit ? offset + params.limit : null };
}
