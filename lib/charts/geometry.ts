// Chart geometry, computed once and drawn twice: as server-rendered SVG (components/charts) and as
// PDF vector paths (lib/services/pdf-charts.ts). d3-scale and d3-shape do the arithmetic (nice
// ticks, scales, SVG path strings); nothing here touches a DOM. All sizes are in points/pixels.
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line, symbol, symbolCircle, symbolSquare, symbolTriangle } from "d3-shape";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tick {
  /** Position along the value axis. */
  at: number;
  value: number;
}

/** The series every gap chart knows; each has its own fill pattern or line dash and marker. */
export type SeriesKey = "demand" | "supply" | "gap";
export type CoverageKey = "NONE" | "ACTION" | "RECOMMENDATION" | "BOTH";

export interface BarChart {
  width: number;
  height: number;
  /** Where the bars start (left of it: the row labels). */
  plot: Rect;
  ticks: Tick[];
  /** x of the zero line. */
  zero: number;
  rows: {
    label: string;
    /** Baseline of the row's label text. */
    labelY: number;
    bars: { series: Exclude<SeriesKey, "gap">; value: number; rect: Rect }[];
    gap: number;
  }[];
}

const LABEL_WIDTH = 150;

/**
 * Horizontal bars, two per row (demand and supply), for the largest gaps: long field names fit on
 * the left, values read along one axis. Negative values (never for demand/supply) are clamped to 0.
 */
export function barChart(rows: readonly { label: string; demand: number; supply: number; gap: number }[], opts: { width: number; labelWidth?: number }): BarChart {
  const labelWidth = opts.labelWidth ?? LABEL_WIDTH;
  const bar = 12;
  const rowHeight = bar * 2 + 14;
  const top = 8;
  const axis = 22;
  const plot = { x: labelWidth, y: top, width: Math.max(60, opts.width - labelWidth - 48), height: rows.length * rowHeight };
  const max = Math.max(1, ...rows.flatMap((r) => [r.demand, r.supply]));
  const x = scaleLinear().domain([0, max]).nice(5).range([plot.x, plot.x + plot.width]);
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([plot.y, plot.y + plot.height]);
  return {
    width: opts.width,
    height: plot.y + plot.height + axis,
    plot,
    zero: x(0),
    ticks: x.ticks(5).map((value) => ({ at: x(value), value })),
    rows: rows.map((r, i) => {
      const y0 = y(i)! + 4;
      const rect = (value: number, offset: number): Rect => ({ x: x(0), y: y0 + offset, width: Math.max(0, x(Math.max(0, value)) - x(0)), height: bar });
      return {
        label: r.label,
        labelY: y0 + bar + 4,
        gap: r.gap,
        bars: [
          { series: "demand" as const, value: r.demand, rect: rect(r.demand, 0) },
          { series: "supply" as const, value: r.supply, rect: rect(r.supply, bar + 1) },
        ],
      };
    }),
  };
}

export interface LineChart {
  width: number;
  height: number;
  plot: Rect;
  ticks: Tick[];
  /** x of each period along the bottom. */
  periods: { label: string; at: number }[];
  series: { key: SeriesKey; path: string; points: { x: number; y: number; value: number }[]; last: { x: number; y: number } | null }[];
}

const MARKERS = { demand: symbolCircle, supply: symbolSquare, gap: symbolTriangle } as const;

/** The point marker of a series (circle, square, triangle) as an SVG path around (0, 0). */
export function markerPath(key: SeriesKey): string {
  return symbol(MARKERS[key], 48)() ?? "";
}

/** One line per series over the periods (oldest left), each with its own dash and point marker. */
export function lineChart(periods: readonly string[], series: readonly { key: SeriesKey; values: readonly number[] }[], opts: { width: number; height?: number }): LineChart {
  const height = opts.height ?? 220;
  const plot = { x: 52, y: 12, width: Math.max(60, opts.width - 52 - 70), height: height - 12 - 30 };
  const values = series.flatMap((s) => s.values);
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const y = scaleLinear().domain([lo, hi]).nice(5).range([plot.y + plot.height, plot.y]);
  const x = scalePoint<string>().domain([...periods]).range([plot.x, plot.x + plot.width]).padding(periods.length === 1 ? 1 : 0.1);
  const draw = line<[number, number]>();
  return {
    width: opts.width,
    height,
    plot,
    ticks: y.ticks(5).map((value) => ({ at: y(value), value })),
    periods: periods.map((label) => ({ label, at: x(label)! })),
    series: series.map((s) => {
      const points = s.values.map((value, i) => ({ x: x(periods[i]!)!, y: y(value), value }));
      return { key: s.key, path: draw(points.map((p) => [p.x, p.y])) ?? "", points, last: points.at(-1) ?? null };
    }),
  };
}

export interface StackedBar {
  width: number;
  height: number;
  bar: Rect;
  total: number;
  segments: { key: CoverageKey; value: number; rect: Rect; share: number }[];
}

/** One bar split by coverage (needs counted), uncovered first; empty parts take no width. */
export function stackedBar(parts: readonly { key: CoverageKey; value: number }[], opts: { width: number }): StackedBar {
  const bar = { x: 0, y: 4, width: opts.width, height: 28 };
  const total = parts.reduce((n, p) => n + p.value, 0);
  const x = scaleLinear().domain([0, Math.max(1, total)]).range([bar.x, bar.x + bar.width]);
  let at = 0;
  return {
    width: opts.width,
    height: bar.y + bar.height + 4,
    bar,
    total,
    segments: parts.map((p) => {
      const rect = { x: x(at), y: bar.y, width: x(at + p.value) - x(at), height: bar.height };
      at += p.value;
      return { key: p.key, value: p.value, rect, share: total ? p.value / total : 0 };
    }),
  };
}

/** Fill patterns and line styles: each series and coverage has a shape as well as a colour. */
export const CHART_STYLE = {
  colors: { demand: "#0b5a6b", supply: "#2b6a2f", gap: "#7a3e9d", NONE: "#a4161a", ACTION: "#2b6a2f", RECOMMENDATION: "#7a3e9d", BOTH: "#0b5a6b", axis: "#4b5866", grid: "#c9d1d9", text: "#15202b" },
  /** solid, diagonal hatch, dots, horizontal lines. */
  patterns: { demand: "solid", supply: "hatch", NONE: "hatch", ACTION: "dots", RECOMMENDATION: "lines", BOTH: "solid" },
  dashes: { demand: null, supply: [6, 3], gap: [2, 3] },
} as const;
