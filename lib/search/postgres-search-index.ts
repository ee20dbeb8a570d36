import { MARK_END, MARK_START } from "./highlight.ts";
import { tsQueryExpression } from "./match-expression.ts";
import { searchEntries } from "./search-entries.ts";
import type { SearchIndex, SearchKind, SearchRow } from "./search-index.ts";

// The PostgreSQL implementation: rows in "SearchEntry" (kept by ./search-entries.ts) with a generated tsvector column "words"
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
  ...searchEntries,

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
};
