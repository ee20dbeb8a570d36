// The gap view's figures shaped for people: one section per unit (persons, apprenticeships, study
// places, full-time equivalents are never added together), largest gaps first, the trend in time
// order, coverage in COVERAGE_ORDER (uncovered first). Pure: the SQL sums come in (lib/db/gap.ts),
// plain data goes out; the presenter adds names and words.
import type { AreaRow, FieldRow, FigureRow, GapNeedRow, GapRows, PeriodRow, RegionRow } from "../db/gap.ts";
import { NEED_UNITS } from "../validation/need.ts";
import { ACTION_UNDER_WAY, COVERAGE_ORDER, coverageOf, gapOf, type Coverage } from "./coverage.ts";
import { comparePeriods } from "./period.ts";

export interface Figures {
  needs: number;
  demand: number;
  supply: number;
  /** demand − supply (gapOf). */
  gap: number;
}

export interface UnitGap {
  unit: string;
  totals: Figures;
  byField: (Figures & { field: string })[];
  byRegion: (Figures & { regionId: string | null })[];
  byArea: (Figures & { targetAreaId: string | null })[];
  /** The fields with the largest positive gaps, at most `largest` of them. */
  largest: (Figures & { field: string })[];
  /** Every period of the trend, oldest first. */
  trend: (Figures & { period: string })[];
  /** One entry per coverage in COVERAGE_ORDER (zeros included), so every chart has the same four parts. */
  coverage: (Figures & { coverage: Coverage })[];
}

export interface GapReport {
  /** Units with figures, in NEED_UNITS order (unknown units last, by name). */
  units: UnitGap[];
  /** Needs per coverage across units (counting needs, not adding units). */
  coverageCounts: Record<Coverage, number>;
  needs: (GapNeedRow & { gap: number; coverage: Coverage })[];
}

/** A need's coverage from the SQL flags: the same rule as coverageOf, on facts of the same meaning. */
export function coverageOfFlags(recommendation: boolean, action: boolean): Coverage {
  return coverageOf({ recommendations: [{ approved: recommendation }], actions: action ? [{ status: ACTION_UNDER_WAY[0] }] : [] });
}

const round = (n: number) => Math.round(n * 100) / 100;

function sum(rows: readonly FigureRow[]): Figures {
  const demand = round(rows.reduce((n, r) => n + r.demand, 0));
  const supply = round(rows.reduce((n, r) => n + r.supply, 0));
  return { needs: rows.reduce((n, r) => n + r.needs, 0), demand, supply, gap: gapOf({ demand, supply }) };
}

/** A row without its unit (the section says it), rounded, with its gap. */
const withGap = <R extends FigureRow>(r: R): Omit<R, "unit"> & Figures => {
  const rest: Partial<R> = { ...r };
  delete rest.unit;
  return { ...(rest as Omit<R, "unit">), demand: round(r.demand), supply: round(r.supply), gap: gapOf(r) };
};

/** Largest gap first; ties by name so the order is the same on every screen. */
const byGapDesc = <R extends Figures>(key: (r: R) => string) => (a: R, b: R) => b.gap - a.gap || key(a).localeCompare(key(b));

function unitOrder(a: string, b: string): number {
  const ia = (NEED_UNITS as readonly string[]).indexOf(a);
  const ib = (NEED_UNITS as readonly string[]).indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

/** Shapes the SQL sums into one section per unit; `largest` is how many fields "largest gaps" shows. */
export function shapeGap(rows: GapRows, opts: { largest?: number } = {}): GapReport {
  const largestCount = opts.largest ?? 10;
  const units = new Set<string>();
  for (const list of [rows.byField, rows.trend, rows.coverage]) for (const r of list) units.add(r.unit);
  const of = <R extends FigureRow>(list: readonly R[], unit: string) => list.filter((r) => r.unit === unit);

  const sections = [...units].sort(unitOrder).map((unit): UnitGap => {
    const byField = of<FieldRow>(rows.byField, unit).map(withGap).sort(byGapDesc<Figures & { field: string }>((r) => r.field));
    const coverageRows = of(rows.coverage, unit);
    return {
      unit,
      totals: sum(of(rows.byField, unit)),
      byField,
      byRegion: of<RegionRow>(rows.byRegion, unit).map(withGap).sort(byGapDesc<Figures & { regionId: string | null }>((r) => r.regionId ?? "")),
      byArea: of<AreaRow>(rows.byArea, unit).map(withGap).sort(byGapDesc<Figures & { targetAreaId: string | null }>((r) => r.targetAreaId ?? "")),
      largest: byField.filter((f) => f.gap > 0).slice(0, largestCount),
      trend: of<PeriodRow>(rows.trend, unit).map(withGap).sort((a, b) => comparePeriods(a.period, b.period)),
      coverage: COVERAGE_ORDER.map((coverage) => ({
        coverage,
        ...sum(coverageRows.filter((r) => coverageOfFlags(r.recommendation, r.action) === coverage)),
      })),
    };
  });
  // Only units that have figures in the period get a section; a unit seen only in the trend keeps its trend.
  const coverageCounts = Object.fromEntries(COVERAGE_ORDER.map((c) => [c, 0])) as Record<Coverage, number>;
  for (const r of rows.coverage) coverageCounts[coverageOfFlags(r.recommendation, r.action)] += r.needs;
  return {
    units: sections,
    coverageCounts,
    needs: rows.needs.map((n) => ({ ...n, gap: gapOf(n), coverage: coverageOfFlags(n.recommendation, n.action) })),
  };
}

/**
 * The period the figures are for when none is chosen: the latest whole year that has needs (a
 * year's figures are the ones forums report on), else the latest half-year.
 */
export function defaultPeriod(periods: readonly string[]): string | null {
  const sorted = [...periods].sort(comparePeriods);
  const years = sorted.filter((p) => /^\d{4}$/.test(p));
  return years.at(-1) ?? sorted.at(-1) ?? null;
}

/**
 * The periods the trend shows: those with needs within from..to (either end open). Years and
 * half-years are kept apart (`granularity` of the period in view), since a year's figure is not the
 * sum of its halves' and one line mixing them would zig-zag between scales.
 */
export function trendPeriods(periods: readonly string[], opts: { from?: string; to?: string; like?: string | null }): string[] {
  const half = opts.like ? /-H[12]$/.test(opts.like) : false;
  return [...new Set(periods)]
    .filter((p) => (opts.like ? /-H[12]$/.test(p) === half : true))
    .filter((p) => (!opts.from || comparePeriods(p, opts.from) >= 0) && (!opts.to || comparePeriods(p, opts.to) <= 0))
    .sort(comparePeriods);
}
