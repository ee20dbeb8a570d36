import { barChart, lineChart, stackedBar, type BarChart, type LineChart, type StackedBar } from "../charts/geometry.ts";
import { formatNumber } from "../i18n/format.ts";
import type { Locale, MessageKey, Translate } from "../i18n/index.ts";
import { COVERAGE_ORDER, type Coverage } from "../needs/coverage.ts";
import type { Figures, GapReport } from "../needs/gap.ts";

// What the gap view, the target area page and the annual report show: the shaped figures with
// names and words, and the geometry of each chart (the same geometry becomes SVG on a page and
// vector paths in the PDF).

export interface GapNames {
  regions: readonly { id: string; name: string }[];
  areas: readonly { id: string; name: string }[];
  groups: readonly { id: string; name: string }[];
}

export type LabelledFigures = Figures & { label: string };

export interface PresentedUnit {
  unit: string;
  /** "personer", "læreplasser" … (inside sentences). */
  unitWord: string;
  /** "Personer" … (headings). */
  unitName: string;
  totals: Figures;
  totalsText: string;
  byField: LabelledFigures[];
  byRegion: LabelledFigures[];
  byArea: (LabelledFigures & { areaId: string | null })[];
  largest: LabelledFigures[];
  trend: LabelledFigures[];
  coverage: (Figures & { coverage: Coverage; label: string })[];
  charts: {
    largest: { chart: BarChart; title: string; desc: string } | null;
    trend: { chart: LineChart; title: string; desc: string } | null;
    coverage: { chart: StackedBar; title: string; desc: string };
  };
}

export interface PresentedGap {
  period: string | null;
  units: PresentedUnit[];
  coverageCounts: { coverage: Coverage; label: string; needs: number }[];
  totalNeeds: number;
  needs: {
    id: string; title: string; field: string; region: string; area: string; group: string; unitWord: string;
    demand: number; supply: number; gap: number; coverage: Coverage; coverageLabel: string;
  }[];
}

const CHART_WIDTH = 640;

/** Names, words and chart geometry for a shaped gap report, in the reader's language. */
export function presentGap(report: GapReport, names: GapNames, opts: { t: Translate; locale: Locale; period: string | null }): PresentedGap {
  const { t, locale, period } = opts;
  const n = (v: number) => formatNumber(v, locale);
  const nameOf = (list: readonly { id: string; name: string }[], id: string | null, none: string) => (id === null ? none : (list.find((x) => x.id === id)?.name ?? none));
  const region = (id: string | null) => nameOf(names.regions, id, t("gap.wholeCounty"));
  const area = (id: string | null) => nameOf(names.areas, id, t("gap.noArea"));
  const unitWord = (u: string) => lookup(t, `gap.units.${u}`, u);
  const coverageLabel = (c: Coverage) => t(`gap.coverageStatus.${c}`);

  const units = report.units.map((u): PresentedUnit => {
    const word = unitWord(u.unit);
    const largest = u.largest.map((f) => ({ ...f, label: f.field }));
    const trend = u.trend.map((p) => ({ ...p, label: p.period }));
    const coverage = u.coverage.map((c) => ({ ...c, label: coverageLabel(c.coverage) }));
    const total = coverage.reduce((s, c) => s + c.needs, 0);
    return {
      unit: u.unit,
      unitWord: word,
      unitName: lookup(t, `gap.unitNames.${u.unit}`, u.unit),
      totals: u.totals,
      totalsText: t("gap.totals", { needs: n(u.totals.needs), demand: n(u.totals.demand), supply: n(u.totals.supply), gap: n(u.totals.gap), unit: word }),
      byField: u.byField.map((f) => ({ ...f, label: f.field })),
      byRegion: u.byRegion.map((r) => ({ ...r, label: region(r.regionId) })),
      byArea: u.byArea.map((a) => ({ ...a, label: area(a.targetAreaId), areaId: a.targetAreaId })),
      largest,
      trend,
      coverage,
      charts: {
        largest: largest.length
          ? { chart: barChart(largest, { width: CHART_WIDTH }), title: `${t("gap.largest")} (${word})`, desc: t("gap.largestDesc", { unit: word, period: period ?? "" }) }
          : null,
        trend: trend.length > 1
          ? {
              chart: lineChart(trend.map((p) => p.period), [
                { key: "demand", values: trend.map((p) => p.demand) },
                { key: "supply", values: trend.map((p) => p.supply) },
                { key: "gap", values: trend.map((p) => p.gap) },
              ], { width: CHART_WIDTH }),
              title: `${t("gap.trend")} (${word})`,
              desc: t("gap.trendDesc", { unit: word, from: trend[0]!.period, to: trend.at(-1)!.period }),
            }
          : null,
        coverage: {
          chart: stackedBar(coverage.map((c) => ({ key: c.coverage, value: c.needs })), { width: CHART_WIDTH }),
          title: `${t("gap.coverage")} (${word})`,
          desc: t("gap.coverageDesc", { total: n(total), unit: word, parts: coverage.map((c) => `${c.label} ${n(c.needs)}`).join(", ") }),
        },
      },
    };
  });

  return {
    period,
    units,
    coverageCounts: COVERAGE_ORDER.map((c) => ({ coverage: c, label: coverageLabel(c), needs: report.coverageCounts[c] })),
    totalNeeds: COVERAGE_ORDER.reduce((s, c) => s + report.coverageCounts[c], 0),
    needs: report.needs.map((x) => ({
      id: x.id, title: x.title, field: x.field, region: region(x.regionId), area: area(x.targetAreaId), group: nameOf(names.groups, x.groupId, ""),
      unitWord: unitWord(x.unit), demand: x.demand, supply: x.supply, gap: x.gap, coverage: x.coverage, coverageLabel: coverageLabel(x.coverage),
    })),
  };
}

function lookup(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}
