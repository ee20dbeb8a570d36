import { dialectOfClient } from "../db/dialect.ts";
import type { DbClient } from "../db/types.ts";
import { postgresSearchIndex } from "./postgres-search-index.ts";
import type { SearchIndex } from "./search-index.ts";
import { sqliteSearchIndex } from "./sqlite-search-index.ts";

/** The search index of the client's database (SQLite's FTS5 or PostgreSQL's tsvector): the one place that picks it. */
export function searchIndex(client: DbClient): SearchIndex {
  return dialectOfClient(client) === "postgres" ? postgresSearchIndex : sqliteSearchIndex;
}
