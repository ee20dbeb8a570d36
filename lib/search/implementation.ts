import { env } from "../env.ts";
import { isPostgresUrl } from "../db/dialect.ts";
import { postgresSearchIndex } from "./postgres-search-index.ts";
import type { SearchIndex } from "./search-index.ts";
import { sqliteSearchIndex } from "./sqlite-search-index.ts";

/** The search index in use, by the database the process runs on: the one place that picks it. */
export function searchIndex(): SearchIndex {
  return isPostgresUrl(env().DATABASE_URL) ? postgresSearchIndex : sqliteSearchIndex;
}
