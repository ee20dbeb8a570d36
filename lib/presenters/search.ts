import type { SearchKind, SearchRow } from "../search/search-index.ts";
import { pages } from "../urls.ts";

/** One search hit as it leaves the server. `title` and `snippet` mark matched words with MARK_START/MARK_END (lib/search/highlight.ts). */
export interface SearchHitView {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  /** A comment: the title of the document or action it is about (plain text). */
  parentTitle: string | null;
  group: { id: string; name: string };
  status: string;
  href: string;
}

export interface SearchResultsView {
  hits: SearchHitView[];
  /** Where the next page starts (`cursor`), or null when this was the last. */
  nextCursor: number | null;
}

/** Where a hit opens: the document or the action's page, or a comment's thread on either. */
export function searchHitHref(forum: string, row: Pick<SearchRow, "kind" | "groupId" | "documentId" | "actionItemId" | "threadId">): string {
  const thread = row.kind === "comment" && row.threadId ? row.threadId : null;
  if (row.documentId) {
    return thread ? pages.documentThread(forum, row.groupId, row.documentId, thread) : pages.document(forum, row.groupId, row.documentId);
  }
  return pages.actionDetail(forum, row.groupId, row.actionItemId ?? "", thread ?? undefined);
}

export function presentSearchHit(forum: string, row: SearchRow, parent: { groupId: string; title: string }): SearchHitView {
  const current = { ...row, groupId: parent.groupId };
  return {
    kind: row.kind, id: row.id, title: row.title, snippet: row.snippet,
    parentTitle: row.kind === "comment" ? parent.title : null,
    group: { id: row.groupId, name: row.groupName }, status: row.status, href: searchHitHref(forum, current),
  };
}
