import { MARK_END, MARK_START } from "./highlight.ts";
import { ftsExpression } from "./match-expression.ts";
import { searchEntries } from "./search-entries.ts";
import type { SearchIndex, SearchKind, SearchRow } from "./search-index.ts";

// The SQLite implementation: rows in "SearchEntry" (kept by ./search-entries.ts), their words in the
// FTS5 table "SearchText" (kept by triggers; see prisma/migrations/20261130060000_search).

/** How much more a word in the title counts than one in the body (bm25 column weights). */
const TITLE_WEIGHT = 4.0;
/** Words of context in a snippet. */
const SNIPPET_TOKENS = 16;

type RawRow = Omit<SearchRow, "targetAreaIds" | "kind"> & { kind: string; targetAreaIds: string };

export const sqliteSearchIndex: SearchIndex = {
  ...searchEntries,

  async query(tx, q) {
    const rows = await tx.$queryRaw<RawRow[]>`
      SELECT e."kind" AS "kind", e."entityId" AS "id", e."forumId" AS "forumId", e."groupId" AS "groupId", g."name" AS "groupName",
             e."status" AS "status", e."targetAreaIds" AS "targetAreaIds", e."documentId" AS "documentId",
             e."actionItemId" AS "actionItemId", e."threadId" AS "threadId",
             highlight("SearchText", 0, ${MARK_START}, ${MARK_END}) AS "title",
             snippet("SearchText", 1, ${MARK_START}, ${MARK_END}, ${"…"}, ${SNIPPET_TOKENS}) AS "snippet"
      FROM "SearchText"
      JOIN "SearchEntry" e ON e."id" = "SearchText".rowid
      JOIN "Group" g ON g."id" = e."groupId" AND g."archivedAt" IS NULL
      WHERE "SearchText" MATCH ${ftsExpression(q.words)}
        AND e."forumId" = ${q.forumId}
        AND (${q.groupId ?? null} IS NULL OR e."groupId" = ${q.groupId ?? null})
        AND (${q.kind ?? null} IS NULL OR e."kind" = ${q.kind ?? null})
        AND (${q.status ?? null} IS NULL OR e."status" = ${q.status ?? null})
        AND (${q.status ?? null} IS NOT NULL OR e."kind" <> 'document' OR e."status" <> 'ARCHIVED')
        AND (${q.targetAreaId ?? null} IS NULL OR instr(e."targetAreaIds", ${` ${q.targetAreaId ?? ""} `}) > 0)
      ORDER BY bm25("SearchText", ${TITLE_WEIGHT}, 1.0), e."id"
      LIMIT ${q.limit} OFFSET ${q.offset}`;
    return rows.map((r) => ({ ...r, kind: r.kind as SearchKind, targetAreaIds: r.targetAreaIds.trim().split(" ").filter(Boolean) }));
  },
};
