import { MARK_END, MARK_START } from "./highlight.ts";
import { tsQueryExpression } from "./match-expression.ts";
import type { SearchIndex, SearchKind, SearchRow } from "./search-index.ts";

// The PostgreSQL implementation: rows in "SearchEntry" with a generated tsvector column "words"
// (title words weigh A, body words B; GIN index) — see prisma/postgres/migrations/*_search_and_partial_index.
// The 'simple' configuration folds case and keeps å, æ and ø as letters of their own, and does not
// stem, so a query finds what it finds on SQLite's FTS5 index. Every value is a bound parameter, cast
// where PostgreSQL could not tell its type.

/**
 * ts_rank_cd weights for D, C, B, A: a title word (A) counts four times a body word (B), as the
 * SQLite index's bm25 column weights.
 */
const WEIGHTS = "{0.1, 0.1, 0.25, 1.0}";
/** Words of context in a snippet (as SNIPPET_TOKENS on SQLite). */
const SNIPPET_WORDS = 16;
const TITLE_OPTIONS = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
const SNIPPET_OPTIONS = `MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, ShortWord=0, StartSel=${MARK_START}, StopSel=${MARK_END}`;

const areaList = (ids: readonly string[]) => ` ${ids.join(" ")} `;
const unmarked = (text: string) => text.replaceAll(MARK_START, "").replaceAll(MARK_END, "");

/** ts_headline gives a stretch of the body without saying it was cut: add the ellipses FTS5's snippet() adds. */
function withEllipses(headline: string, body: string): string {
  const plain = unmarked(headline).trim();
  if (!plain) return "";
  const start = body.indexOf(plain);
  const head = start > 0 ? "…" : "";
  const tail = start < 0 || start + plain.length < body.trimEnd().length ? "…" : "";
  return `${head}${headline.trim()}${tail}`;
}

type RawRow = Omit<SearchRow, "targetAreaIds" | "kind"> & { kind: string; targetAreaIds: string; body: string };

export const postgresSearchIndex: SearchIndex = {
  async upsert(tx, entries) {
    for (const e of entries) {
      await tx.$executeRaw`
        INSERT INTO "SearchEntry" ("kind", "entityId", "forumId", "groupId", "status", "targetAreaIds", "documentId", "actionItemId", "threadId", "title", "body")
        VALUES (${e.kind}, ${e.id}, ${e.forumId}, ${e.groupId}, ${e.status}, ${areaList(e.targetAreaIds)}, ${e.documentId}, ${e.actionItemId}, ${e.threadId}, ${e.title}, ${e.body ?? ""})
        ON CONFLICT ("kind", "entityId") DO UPDATE SET
          "forumId" = excluded."forumId", "groupId" = excluded."groupId", "status" = excluded."status",
          "targetAreaIds" = excluded."targetAreaIds", "documentId" = excluded."documentId",
          "actionItemId" = excluded."actionItemId", "threadId" = excluded."threadId", "title" = excluded."title",
          "body" = CASE WHEN ${e.body === undefined}::boolean THEN "SearchEntry"."body" ELSE excluded."body" END`;
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
    const groupId = q.groupId ?? null;
    const kind = q.kind ?? null;
    const status = q.status ?? null;
    const area = q.targetAreaId ?? null;
    const rows = await tx.$queryRaw<RawRow[]>`
      WITH query AS (SELECT to_tsquery('simple'::regconfig, ${tsQueryExpression(q.words)}) AS q),
      hits AS (
        SELECT e.*, ts_rank_cd(${WEIGHTS}::float4[], e."words", query.q) AS "rank", query.q AS "q"
        FROM "SearchEntry" e, query
        WHERE e."words" @@ query.q
          AND e."forumId" = ${q.forumId}
          AND (${groupId}::text IS NULL OR e."groupId" = ${groupId}::text)
          AND (${kind}::text IS NULL OR e."kind" = ${kind}::text)
          AND (${status}::text IS NULL OR e."status" = ${status}::text)
          AND (${status}::text IS NOT NULL OR e."kind" <> 'document' OR e."status" <> 'ARCHIVED')
          AND (${area}::text IS NULL OR strpos(e."targetAreaIds", ' ' || ${area}::text || ' ') > 0)
      )
      SELECT h."kind" AS "kind", h."entityId" AS "id", h."forumId" AS "forumId", h."groupId" AS "groupId", g."name" AS "groupName",
             h."status" AS "status", h."targetAreaIds" AS "targetAreaIds", h."documentId" AS "documentId",
             h."actionItemId" AS "actionItemId", h."threadId" AS "threadId", h."body" AS "body",
             ts_headline('simple'::regconfig, h."title", h."q", ${TITLE_OPTIONS}) AS "title",
             CASE WHEN h."body" = '' THEN '' ELSE ts_headline('simple'::regconfig, h."body", h."q", ${SNIPPET_OPTIONS}) END AS "snippet"
      FROM hits h
      JOIN "Group" g ON g."id" = h."groupId" AND g."archivedAt" IS NULL
      ORDER BY h."rank" DESC, h."id"
      LIMIT ${q.limit} OFFSET ${q.offset}`;
    return rows.map(({ body, ...r }) => ({
      ...r,
      kind: r.kind as SearchKind,
      snippet: withEllipses(r.snippet, body),
      targetAreaIds: r.targetAreaIds.trim().split(" ").filter(Boolean),
    }));
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
