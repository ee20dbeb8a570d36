-- Full-text search (lib/search/sqlite-search-index.ts).
--
-- Written by hand: Prisma's schema language cannot express an FTS5 virtual table or triggers, so
-- neither table is a model in schema.prisma. Only the search index reads and writes them
-- (with $executeRaw/$queryRaw, inside the caller's transaction). A PostgreSQL implementation of
-- the SearchIndex interface would bring its own tables (tsvector + GIN) in its own migration.

-- One row per indexed thing (a document, an action item, a comment), with what the search filters
-- and authorises by. "targetAreaIds" is space-separated with a space at each end (" a b "), so
-- one area is found with instr(). "status": a document's status (ARCHIVED when archived), an
-- action's status, or a comment's thread: OPEN or RESOLVED.
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "body" TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX "SearchEntry_kind_entityId_key" ON "SearchEntry"("kind", "entityId");
CREATE INDEX "SearchEntry_forumId_kind_idx" ON "SearchEntry"("forumId", "kind");
CREATE INDEX "SearchEntry_documentId_idx" ON "SearchEntry"("documentId");
CREATE INDEX "SearchEntry_actionItemId_idx" ON "SearchEntry"("actionItemId");
CREATE INDEX "SearchEntry_threadId_idx" ON "SearchEntry"("threadId");

-- The words of title and body, kept by the triggers below (external content: the text is stored
-- once, in SearchEntry). unicode61 folds case across Unicode (Ø = ø, Æ = æ, Å = å);
-- remove_diacritics 0 keeps å, æ, ø (and é, ü) distinct letters: "hål" never matches "hal".
CREATE VIRTUAL TABLE "SearchText" USING fts5(
    "title", "body",
    content = 'SearchEntry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER "SearchEntry_ai" AFTER INSERT ON "SearchEntry" BEGIN
    INSERT INTO "SearchText"(rowid, "title", "body") VALUES (new."id", new."title", new."body");
END;
CREATE TRIGGER "SearchEntry_ad" AFTER DELETE ON "SearchEntry" BEGIN
    INSERT INTO "SearchText"("SearchText", rowid, "title", "body") VALUES ('delete', old."id", old."title", old."body");
END;
CREATE TRIGGER "SearchEntry_au" AFTER UPDATE OF "title", "body" ON "SearchEntry" BEGIN
    INSERT INTO "SearchText"("SearchText", rowid, "title", "body") VALUES ('delete', old."id", old."title", old."body");
    INSERT INTO "SearchText"(rowid, "title", "body") VALUES (new."id", new."title", new."body");
END;

-- Which build of the index the rows are (lib/search: SEARCH_INDEX_VERSION). A missing or older
-- version makes the server rebuild the index at start.
CREATE TABLE "SearchIndexState" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "builtAt" TEXT NOT NULL
);
