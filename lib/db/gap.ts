import { ACTION_UNDER_WAY, COVERAGE_ORDER } from "../needs/coverage.ts";
import { Prisma } from "./generated/prisma/client.ts";
import { dialectOfClient } from "./dialect.ts";
import type { DbClient } from "./types.ts";

// The gap view's figures, aggregated in SQL (GROUP BY over the needs of one forum and one period):
// a forum with 50,000 needs never sends them to JavaScript. Every aggregate is grouped by unit as
// well, so persons are never added to study places. Plain SQL that PostgreSQL also reads (quoted
// identifiers, CASE, COALESCE): a PostgreSQL repository can take this one's place unchanged or nearly.

/** What narrows the needs counted: each is optional; `regionId: null` means the county as a whole. */
export interface GapFilter {
  targetAreaId?: string;
  groupId?: string;
  regionId?: string | null;
  unit?: string;
  /** Part of the field's name ("helse" finds "Helsefagarbeider"). */
  field?: string;
}

export interface FigureRow {
  unit: string;
  needs: number;
  demand: number;
  supply: number;
}
export type FieldRow = FigureRow & { field: string };
export type RegionRow = FigureRow & { regionId: string | null };
export type AreaRow = FigureRow & { targetAreaId: string | null };
export type PeriodRow = FigureRow & { period: string };
/** Needs by whether an approved recommendation and an action under way answer them. */
export type CoverageRow = FigureRow & { recommendation: boolean; action: boolean };

export interface GapNeedRow {
  id: string;
  title: string;
  field: string;
  regionId: string | null;
  targetAreaId: string | null;
  groupId: string;
  period: string;
  unit: string;
  demand: number;
  supply: number;
  recommendation: boolean;
  action: boolean;
}

/** Everything the gap view, a target area page and the annual report draw from. */
export interface GapRows {
  byField: FieldRow[];
  byRegion: RegionRow[];
  byArea: AreaRow[];
  trend: PeriodRow[];
  coverage: CoverageRow[];
  /** The needs of the period, uncovered first, then the largest gap (at most `needLimit`). */
  needs: GapNeedRow[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(forumId: string, filter: GapFilter, postgres: boolean): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`n."forumId" = ${forumId}`, Prisma.sql`n."archivedAt" IS NULL`];
  if (filter.targetAreaId) parts.push(Prisma.sql`n."targetAreaId" = ${filter.targetAreaId}`);
  if (filter.groupId) parts.push(Prisma.sql`n."groupId" = ${filter.groupId}`);
  if (filter.regionId === null) parts.push(Prisma.sql`n."regionId" IS NULL`);
  else if (filter.regionId) parts.push(Prisma.sql`n."regionId" = ${filter.regionId}`);
  if (filter.unit) parts.push(Prisma.sql`n."unit" = ${filter.unit}`);
  // Case is ignored on both: SQLite's LIKE folds it, PostgreSQL's ILIKE does.
  if (filter.field) parts.push(Prisma.sql`n."field" ${Prisma.raw(postgres ? "ILIKE" : "LIKE")} ${`%${escapeLike(filter.field)}%`} ESCAPE '\\'`);
  return Prisma.join(parts, " AND ");
}

/**
 * Per need of the period that has links: whether an approved recommendation (a linked document with
 * an approved version) and an action under way (ACTION_UNDER_WAY) answer it — coverageOf in SQL.
 */
function coverageCte(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH cov AS (
    SELECT l."needId" AS "needId",
      MAX(CASE WHEN d."approvedVersionId" IS NOT NULL THEN 1 ELSE 0 END) AS rec,
      MAX(CASE WHEN a."status" IN (${Prisma.join([...ACTION_UNDER_WAY])}) THEN 1 ELSE 0 END) AS act
    FROM "NeedLink" l
    JOIN "Need" n ON n."id" = l."needId"
    LEFT JOIN "Document" d ON d."id" = l."documentId"
    LEFT JOIN "ActionItem" a ON a."id" = l."actionItemId"
    WHERE ${where}
    GROUP BY l."needId"
  )`;
}

/** SQL rank of a need's coverage in COVERAGE_ORDER (uncovered first), from the CTE's flags. */
function coverageRank(): Prisma.Sql {
  const rank = (c: (typeof COVERAGE_ORDER)[number]) => COVERAGE_ORDER.indexOf(c);
  return Prisma.sql`CASE
    WHEN COALESCE(c.rec, 0) = 1 AND COALESCE(c.act, 0) = 1 THEN ${rank("BOTH")}
    WHEN COALESCE(c.rec, 0) = 1 THEN ${rank("RECOMMENDATION")}
    WHEN COALESCE(c.act, 0) = 1 THEN ${rank("ACTION")}
    ELSE ${rank("NONE")} END`;
}

type Raw = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));
const figures = (r: Raw): FigureRow => ({ unit: String(r.unit), needs: num(r.needs), demand: num(r.demand), supply: num(r.supply) });
const SUMS = Prisma.sql`COUNT(*) AS needs, SUM(n."demand") AS demand, SUM(n."supply") AS supply`;

/** The periods that have (live) needs in the forum, in no particular order. */
export async function listNeedPeriods(db: DbClient, forumId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ period: string }[]>`SELECT DISTINCT n."period" AS period FROM "Need" n WHERE n."forumId" = ${forumId} AND n."archivedAt" IS NULL`;
  return rows.map((r) => r.period);
}

/**
 * The figures of one period (`period`) under the filter, and the trend over `trendPeriods` (the
 * same filter, every period given). `needLimit` caps the list of single needs.
 */
export async function loadGapRows(
  db: DbClient,
  forumId: string,
  opts: { filter: GapFilter; period: string | null; trendPeriods: readonly string[]; needLimit: number },
): Promise<GapRows> {
  const base = conditions(forumId, opts.filter, dialectOfClient(db) === "postgres");
  const trend = opts.trendPeriods.length
    ? await db.$queryRaw<Raw[]>`SELECT n."unit" AS unit, n."period" AS period, ${SUMS} FROM "Need" n
        WHERE ${base} AND n."period" IN (${Prisma.join([...opts.trendPeriods])}) GROUP BY n."unit", n."period"`
    : [];
  if (opts.period === null) return { byField: [], byRegion: [], byArea: [], trend: trend.map((r) => ({ ...figures(r), period: String(r.period) })), coverage: [], needs: [] };
  const where = Prisma.sql`${base} AND n."period" = ${opts.period}`;
  const byField = await db.$queryRaw<Raw[]>`SELECT n."unit" AS unit, n."field" AS field, ${SUMS} FROM "Need" n WHERE ${where} GROUP BY n."unit", n."field"`;
  const byRegion = await db.$queryRaw<Raw[]>`SELECT n."unit" AS unit, n."regionId" AS "regionId", ${SUMS} FROM "Need" n WHERE ${where} GROUP BY n."unit", n."regionId"`;
  const byArea = await db.$queryRaw<Raw[]>`SELECT n."unit" AS unit, n."targetAreaId" AS "targetAreaId", ${SUMS} FROM "Need" n WHERE ${where} GROUP BY n."unit", n."targetAreaId"`;
  const cte = coverageCte(where);
  const coverage = await db.$queryRaw<Raw[]>`${cte}
    SELECT n."unit" AS unit, COALESCE(c.rec, 0) AS rec, COALESCE(c.act, 0) AS act, ${SUMS}
    FROM "Need" n LEFT JOIN cov c ON c."needId" = n."id"
    WHERE ${where} GROUP BY n."unit", COALESCE(c.rec, 0), COALESCE(c.act, 0)`;
  const needs = await db.$queryRaw<Raw[]>`${cte}
    SELECT n."id" AS id, n."title" AS title, n."field" AS field, n."regionId" AS "regionId", n."targetAreaId" AS "targetAreaId",
      n."groupId" AS "groupId", n."period" AS period, n."unit" AS unit, n."demand" AS demand, n."supply" AS supply,
      COALESCE(c.rec, 0) AS rec, COALESCE(c.act, 0) AS act
    FROM "Need" n LEFT JOIN cov c ON c."needId" = n."id"
    WHERE ${where}
    ORDER BY ${coverageRank()}, n."demand" - n."supply" DESC, n."title", n."id"
    LIMIT ${opts.needLimit}`;
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    byField: byField.map((r) => ({ ...figures(r), field: String(r.field) })),
    byRegion: byRegion.map((r) => ({ ...figures(r), regionId: str(r.regionId) })),
    byArea: byArea.map((r) => ({ ...figures(r), targetAreaId: str(r.targetAreaId) })),
    trend: trend.map((r) => ({ ...figures(r), period: String(r.period) })),
    coverage: coverage.map((r) => ({ ...figures(r), recommendation: num(r.rec) === 1, action: num(r.act) === 1 })),
    needs: needs.map((r) => ({
      id: String(r.id), title: String(r.title), field: String(r.field), regionId: str(r.regionId), targetAreaId: str(r.targetAreaId),
      groupId: String(r.groupId), period: String(r.period), unit: String(r.unit), demand: num(r.demand), supply: num(r.supply),
      recommendation: num(r.rec) === 1, action: num(r.act) === 1,
    })),
  };
}

/** The names the gap figures refer to: the forum's regions, target areas and groups. */
export async function loadGapNames(db: DbClient, forumId: string) {
  const [regions, areas, groups] = await Promise.all([
    db.region.findMany({ where: { forumId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, archivedAt: true } }),
    db.targetArea.findMany({ where: { forumId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, archivedAt: true } }),
    db.group.findMany({ where: { forumId, archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const live = (rows: { id: string; name: string; archivedAt: Date | null }[]) => rows.filter((r) => !r.archivedAt).map((r) => ({ id: r.id, name: r.name }));
  return {
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    groups,
    /** For the filter's choices: only those not archived. */
    liveRegions: live(regions),
    liveAreas: live(areas),
  };
}

/**
 * Whether an action or a document answers any need: its status change or approval then changes
 * coverage, and the commands publish needs.changed for the forum.
 */
export async function isLinkedToNeeds(db: DbClient, target: { actionItemId: string } | { documentId: string }): Promise<boolean> {
  const row = await db.needLink.findFirst({ where: target, select: { id: true } });
  return row !== null;
}
