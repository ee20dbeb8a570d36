import type { SavedViewRow } from "../db/saved-views.ts";
import { pages } from "../urls.ts";
import { scopeGroupId } from "../validation/saved-view.ts";

/** A saved view as the browser gets it: its name and the link that opens it (a plain URL, shareable). */
export interface PresentedSavedView {
  id: string;
  name: string;
  scope: string;
  query: string;
  url: string;
}

/** The page of a list, with a query string. */
export function listUrl(forum: string, scope: string, query: string): string {
  const groupId = scope.startsWith("group:") ? scopeGroupId(scope as `group:${string}`) : null;
  const path = groupId ? pages.groupActions(forum, groupId) : pages.overview(forum);
  return query ? `${path}?${query}` : path;
}

export function presentSavedView(forum: string, row: SavedViewRow): PresentedSavedView {
  return { id: row.id, name: row.name, scope: row.scope, query: row.query, url: listUrl(forum, row.scope, row.query) };
}
