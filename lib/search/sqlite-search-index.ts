import { MARK_END, MARK_START } from "./highlight.ts";
import { ftsExpression } from "./match-expression.ts";
import type { SearchIndex, SearchKind, SearchRow } from "./search-index.ts";

// The SQLite implementation: rows in "SearchEntry", their words in the FTS5 table "SearchText"
// (kept by triggers; see prisma/migrations/20261130060000_search). Every statement is a tagged
// template, so every value is a bound parameter.

/** How much more a word in the title counts than one in the body (bm25 column weights). */
const TITLE_WEIGHT = 4.0;
/** Words of context in a snippet. */
const SNIPPET_TOKENS = 16;

const areaList = (ids: readonly string[]) => ` ${ids.join(" ")} `;

type RawRow = Omit<SearchRow, "targetAreaIds" | "kind"> & { kind: string; targetAreaIds: string };

export const sqliteSearchIndex: SearchIndex = {
  async upsert(tx, entries) {
    for (const e of entries) {
      const keepBody = e.body === undefined ? 1 : 0;
      await tx.$executeRaw`
        INSERT INTO "SearchEntry" ("kind", "entityId", "forumId", "groupId", "status", "targetAreaIds", "documentId", "actionItemId", "threadId", "title", "body")
        VALUES (${e.kind}, ${e.id}, ${e.forumId}, ${e.groupId}, ${e.status}, ${areaList(e.targetAreaIds)}, ${e.documentId}, ${e.actionItemId}, ${e.threadId}, ${e.title}, ${e.body ?? ""})
        ON CONFLICT ("kind", "entityId") DO UPDATE SET
          "forumId" = excluded."forumId", "groupId" = excluded."groupId", "status" = excluded."status",
          "targetAreaIds" = excluded."targetAreaIds", "documentId" = excluded."documentId",
          "actionItemId" = excluded."actionItemId", "threadId" = excluded."threadId", "title" = excluded."title",
          "body" = CASE WHEN ${keepBody} = 1 THEN "SearchEntry"."body" ELSE excluded."body" END`;
    }
  },

  async remove(tx, kind, id) {
    await tx.$executeRaw`DELETE FROM "SearchEntry" WHERE "kind" = ${kind} AND "entityId" = ${id}`;
  },

  async setBody(tx, kind, id, body) {
    const changed = await tx.$executeRaw`UPDATE "SearchEntry" SET "body" = ${body} WHERE "kind" = ${kind} AND "entityId" = ${id} AND "body" <> ${body}`;
    if (changed > 0) return true;
    const rows = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM "SearchEntry" WHERE "kind" = ${kind} AND "entityId" = ${id}`;
    return rows.length > 0;
  },

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

  async builtVersion(tx) {
    const rows = await tx.$queryRaw<{ version: number | bigint }[]>`SELECT "version" FROM "SearchIndexState" WHERE "id" = 1`;
    return rows[0] ? Number(rows[0].version) : null;
  },

  async clear(tx) {
    await tx.$executeRaw`DELETE FROM "SearchEntry"`;
    await tx.$executeRaw`DELETE FROM "SearchIndexState"`;
  },

  async markBuilt(tx, version) {
    await tx.$executeRaw`
      INSERT INTO "SearchIndexState" ("id", "version", "builtAt") VALUES (1, ${version}, ${new Date().toISOString()})
      ON CONFLICT ("id") DO UPDATE SET "version" = excluded."version", "builtAt" = excluded."builtAt"`;
  },
};
