-- What Prisma's schema language cannot express, written by hand (the SQLite side has the same in
-- prisma/migrations/20261130020000_approval and 20261130060000_search).

-- At most one open approval request per document.
CREATE UNIQUE INDEX "ApprovalRequest_one_open_per_document" ON "ApprovalRequest"("documentId") WHERE "status" = 'OPEN';

-- Full-text search (lib/search/postgres-search-index.ts). Neither table is a Prisma model: only the
-- search index reads and writes them, inside the caller's transaction.
--
-- One row per indexed thing (a document, an action item, a comment), with what the search filters
-- and authorises by. "targetAreaIds" is space-separated with a space at each end (" a b "), as on
-- SQLite, so one area is found with strpos().
--
-- The words: the 'simple' configuration folds case and keeps å, æ, ø (and é, ü) as letters of their
-- own, like the SQLite index (unicode61, remove_diacritics 0), and it does not stem: so both databases
-- find the same things for the same query (see docs/scale-out.md, "Search").
-- Title words weigh A, body words B, and ts_rank_cd ranks with those weights.
CREATE TABLE "SearchEntry" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "forumId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "targetAreaIds" TEXT NOT NULL DEFAULT ' ',
    "documentId" TEXT,
    "actionItemId" TEXT,
    "threadId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "words" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, "title"), 'A') || setweight(to_tsvector('simple'::regconfig, "body"), 'B')
    ) STORED
);
CREATE UNIQUE INDEX "SearchEntry_kind_entityId_key" ON "SearchEntry"("kind", "entityId");
CREATE INDEX "SearchEntry_forumId_kind_idx" ON "SearchEntry"("forumId", "kind");
CREATE INDEX "SearchEntry_documentId_idx" ON "SearchEntry"("documentId");
CREATE INDEX "SearchEntry_actionItemId_idx" ON "SearchEntry"("actionItemId");
CREATE INDEX "SearchEntry_threadId_idx" ON "SearchEntry"("threadId");
CREATE INDEX "SearchEntry_words_idx" ON "SearchEntry" USING GIN ("words");

-- Which build of the index the rows are (lib/search: SEARCH_INDEX_VERSION).
CREATE TABLE "SearchIndexState" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "builtAt" TEXT NOT NULL
);
