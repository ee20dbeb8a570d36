import type { BarChart, CoverageKey, LineChart, SeriesKey, StackedBar } from "@/lib/charts/geometry";
import { CHART_STYLE, markerPath } from "@/lib/charts/geometry";

// Server-rendered SVG charts. Each is an <svg role="img"> named by its <title> and described by its
// <desc>; the same figures stand in a table beside it (the caller's), so nothing depends on seeing
// the picture. Colour is never alone: every series has its own fill pattern or line dash and point
// marker, and bars and segments carry their numbers as text.

type Key = SeriesKey | CoverageKey;
const color = (k: Key) => CHART_STYLE.colors[k];

/** The fill patterns of one chart (ids are prefixed so several charts can share a page). */
function Patterns({ id, keys }: { id: string; keys: readonly Key[] }) {
  return (
    <defs>
      {keys.map((k) => {
        const kind = (CHART_STYLE.patterns as Record<string, string>)[k];
        const c = color(k);
        if (kind === "hatch") {
          return (
            <pattern key={k} id={`${id}-${k}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="3" />
            </pattern>
          );
        }
        if (kind === "dots") {
          return (
            <pattern key={k} id={`${id}-${k}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#ffffff" />
              <circle cx="3" cy="3" r="1.8" fill={c} />
            </pattern>
          );
        }
        if (kind === "lines") {
          return (
            <pattern key={k} id={`${id}-${k}`} width="6" height="5" patternUnits="userSpaceOnUse">
              <rect width="6" height="5" fill="#ffffff" />
              <line x1="0" y1="2.5" x2="6" y2="2.5" stroke={c} strokeWidth="2" />
            </pattern>
          );
        }
        return null;
      })}
    </defs>
  );
}

const fillOf = (id: string, k: Key) => ((CHART_STYLE.patterns as Record<string, string>)[k] === "solid" ? color(k) : `url(#${id}-${k})`);

/** The swatch a legend shows for a series or coverage: the same pattern, or the same dash and marker. */
export function Swatch({ id, k, line: asLine = false }: { id: string; k: Key; line?: boolean }) {
  return (
    <svg width="28" height="14" aria-hidden="true" focusable="false" className="chart-swatch">
      <Patterns id={`${id}-sw`} keys={[k]} />
      {asLine ? (
        <>
          <line x1="1" y1="7" x2="27" y2="7" stroke={color(k)} strokeWidth="2" strokeDasharray={dash(k)} />
          <path d={markerOf(k)} transform="translate(14 7)" fill={color(k)} />
        </>
      ) : (
        <rect x="1" y="1" width="26" height="12" fill={fillOf(`${id}-sw`, k)} stroke={color(k)} strokeWidth="1.5" />
      )}
    </svg>
  );
}

const dash = (k: Key) => ((CHART_STYLE.dashes as Record<string, readonly number[] | null>)[k] ?? undefined)?.join(" ");
const markerOf = (k: Key) => (k === "demand" || k === "supply" || k === "gap" ? markerPath(k) : "");

export interface ChartText {
  id: string;
  title: string;
  desc: string;
  format: (n: number) => string;
}

/** Demand and supply per row as horizontal bars; the gap is written at the end of each row. */
export function BarChartSvg({ chart, text, labels }: { chart: BarChart; text: ChartText; labels: Record<"demand" | "supply" | "gap", string> }) {
  const { id, format } = text;
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${chart.width} ${chart.height}`} width="100%" className="chart" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{text.title}</title>
      <desc id={`${id}-desc`}>{text.desc}</desc>
      <Patterns id={id} keys={["demand", "supply"]} />
      {chart.ticks.map((t) => (
        <g key={t.value}>
          <line x1={t.at} x2={t.at} y1={chart.plot.y} y2={chart.plot.y + chart.plot.height} stroke={CHART_STYLE.colors.grid} />
          <text x={t.at} y={chart.plot.y + chart.plot.height + 14} textAnchor="middle" fontSize="11" fill={CHART_STYLE.colors.axis}>{format(t.value)}</text>
        </g>
      ))}
      {chart.rows.map((r, i) => (
        <g key={i}>
          <text x={chart.plot.x - 6} y={r.labelY} textAnchor="end" fontSize="12" fill={CHART_STYLE.colors.text}>{r.label.length > 21 ? `${r.label.slice(0, 20)}…` : r.label}</text>
          {r.bars.map((b) => (
            <g key={b.series}>
              <rect {...b.rect} fill={fillOf(id, b.series)} stroke={color(b.series)} strokeWidth="1" />
              <text x={b.rect.x + b.rect.width + 4} y={b.rect.y + b.rect.height - 2} fontSize="10" fill={CHART_STYLE.colors.text}>
                {`${labels[b.series].charAt(0)} ${format(b.value)}`}
              </text>
            </g>
          ))}
        </g>
      ))}
      <line x1={chart.zero} x2={chart.zero} y1={chart.plot.y} y2={chart.plot.y + chart.plot.height} stroke={CHART_STYLE.colors.axis} />
    </svg>
  );
}

/** Lines over the periods, each with its dash, markers on every point and its name at the end. */
export function LineChartSvg({ chart, text, labels }: { chart: LineChart; text: ChartText; labels: Record<SeriesKey, string> }) {
  const { id, format } = text;
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${chart.width} ${chart.height}`} width="100%" className="chart" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{text.title}</title>
      <desc id={`${id}-desc`}>{text.desc}</desc>
      {chart.ticks.map((t) => (
        <g key={t.value}>
          <line x1={chart.plot.x} x2={chart.plot.x + chart.plot.width} y1={t.at} y2={t.at} stroke={CHART_STYLE.colors.grid} />
          <text x={chart.plot.x - 6} y={t.at + 4} textAnchor="end" fontSize="11" fill={CHART_STYLE.colors.axis}>{format(t.value)}</text>
        </g>
      ))}
      {chart.periods.map((p) => (
        <text key={p.label} x={p.at} y={chart.plot.y + chart.plot.height + 18} textAnchor="middle" fontSize="11" fill={CHART_STYLE.colors.axis}>{p.label}</text>
      ))}
      {chart.series.map((s) => (
        <g key={s.key}>
          <path d={s.path} fill="none" stroke={color(s.key)} strokeWidth="2" strokeDasharray={dash(s.key)} />
          {s.points.map((p, i) => (
            <path key={i} d={markerPath(s.key)} transform={`translate(${p.x} ${p.y})`} fill={color(s.key)} />
          ))}
          {s.last ? (
            <text x={s.last.x + 8} y={s.last.y + 4} fontSize="11" fill={color(s.key)} fontWeight="600">{labels[s.key]}</text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

/** One bar split by coverage; each part has its pattern and, when wide enough, its count inside. */
export function StackedBarSvg({ chart, text }: { chart: StackedBar; text: ChartText }) {
  const { id, format } = text;
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${chart.width} ${chart.height}`} width="100%" className="chart chart--stacked" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{text.title}</title>
      <desc id={`${id}-desc`}>{text.desc}</desc>
      <Patterns id={id} keys={chart.segments.map((s) => s.key)} />
      <rect {...chart.bar} fill="#ffffff" stroke={CHART_STYLE.colors.axis} />
      {chart.segments.filter((s) => s.value > 0).map((s) => (
        <g key={s.key}>
          <rect {...s.rect} fill={fillOf(id, s.key)} stroke={color(s.key)} strokeWidth="1.5" />
          {s.rect.width > 28 ? (
            <text x={s.rect.x + s.rect.width / 2} y={s.rect.y + s.rect.height / 2 + 5} textAnchor="middle" fontSize="13" fontWeight="700" fill={CHART_STYLE.colors.text} stroke="#ffffff" strokeWidth="3" paintOrder="stroke">
              {format(s.value)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
