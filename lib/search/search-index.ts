import type { DbClient } from "../db/types.ts";

// The search interface. One implementation per database (SQLite FTS5, PostgreSQL tsvector);
// `searchIndex(client)` in ./implementation.ts picks it. Every method runs on the caller's client or transaction,
// so the index changes in the same transaction as the write it follows.

export const SEARCH_KINDS = ["document", "action", "comment"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One indexed thing, with what search filters and authorises by. */
export interface SearchEntryInput {
  kind: SearchKind;
  /** The document's, action item's or comment's id. */
  id: string;
  forumId: string;
  /** The group that owns the document or action (a comment: that of its thread's document or action). */
  groupId: string;
  /** Document: its status (ARCHIVED when archived); action: its status; comment: its thread, OPEN or RESOLVED. */
  status: string;
  targetAreaIds: readonly string[];
  /** Links: the document (of a document, or of a comment's thread), the action item, the thread. */
  documentId: string | null;
  actionItemId: string | null;
  threadId: string | null;
  title: string;
  /** Plain text. Undefined keeps the body already indexed (a rename does not touch the text). */
  body?: string;
}

export interface SearchQuery {
  forumId: string;
  /**
   * The words to find, as `queryTokens` gives them (letters and digits only, lower-cased; never the
   * user's text as typed, never empty). Every word must occur; the last also matches as a prefix.
   */
  words: readonly string[];
  groupId?: string;
  kind?: SearchKind;
  targetAreaId?: string;
  status?: string;
  offset: number;
  limit: number;
}

/** A hit, best first. `title` and `snippet` carry MARK_START/MARK_END around matched words. */
export interface SearchRow {
  kind: SearchKind;
  id: string;
  forumId: string;
  groupId: string;
  groupName: string;
  status: string;
  targetAreaIds: string[];
  documentId: string | null;
  actionItemId: string | null;
  threadId: string | null;
  title: string;
  snippet: string;
}

export interface SearchIndex {
  /** Adds or replaces entries (by kind and id). */
  upsert(tx: DbClient, entries: readonly SearchEntryInput[]): Promise<void>;
  /** Removes one entry (nothing happens when there is none). */
  remove(tx: DbClient, kind: SearchKind, id: string): Promise<void>;
  /** Replaces the body text of an entry; false when the entry is not there. */
  setBody(tx: DbClient, kind: SearchKind, id: string, body: string): Promise<boolean>;
  /** Hits in one forum, best first; entries of archived groups are left out, and archived documents unless asked for by status. */
  query(tx: DbClient, query: SearchQuery): Promise<SearchRow[]>;
  /** The build of the index the entries are (null when it was never built). */
  builtVersion(tx: DbClient): Promise<number | null>;
  /** Removes every entry (a rebuild starts here). */
  clear(tx: DbClient): Promise<void>;
  /** Records that the index is complete as of build `version`. */
  markBuilt(tx: DbClient, version: number): Promise<void>;
}
