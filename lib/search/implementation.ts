import type { SearchIndex } from "./search-index.ts";
import { sqliteSearchIndex } from "./sqlite-search-index.ts";

/**
 * The search index in use: the one place that picks the implementation. A PostgreSQL index
 * (tsvector + GIN, `websearch_to_tsquery` on the same quoted tokens) would be chosen here by the
 * database URL, with nothing else changing.
 */
export function searchIndex(): SearchIndex {
  return sqliteSearchIndex;
}
