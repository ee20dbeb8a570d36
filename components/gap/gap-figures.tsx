import Link from "next/link";
import { ScrollTable } from "@/components/ui/scroll-table";
import { BarChartSvg, LineChartSvg, StackedBarSvg, Swatch } from "@/components/charts/charts";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n";
import type { LabelledFigures, PresentedGap, PresentedUnit } from "@/lib/presenters/gap";
import { pages } from "@/lib/urls";

// The gap figures of one view (the whole forum, or one target area): per unit the largest gaps,
// the trend and the coverage as charts, each with the same figures in a table beside it, then the
// sums by region, target area and field, and the needs themselves, uncovered first.

const FIELD_ROWS_SHOWN = 100;

function FiguresTable({ id, caption, first, rows, n, t, link }: {
  id: string; caption: string; first: string; rows: readonly LabelledFigures[]; n: (v: number) => string; t: Translate; link?: (row: LabelledFigures) => string | null;
}) {
  return (
    <ScrollTable
      id={id} caption={caption} testId={id} className="table table--figures"
      head={
        <>
          <th scope="col">{first}</th>
          <th scope="col" className="num">{t("gap.needsCol")}</th>
          <th scope="col" className="num">{t("gap.demand")}</th>
          <th scope="col" className="num">{t("gap.supply")}</th>
          <th scope="col" className="num">{t("gap.gapCol")}</th>
        </>
      }
    >
      {rows.map((r) => {
        const href = link?.(r) ?? null;
        return (
          <tr key={r.label}>
            <th scope="row">{href ? <Link href={href}>{r.label}</Link> : r.label}</th>
            <td className="num">{n(r.needs)}</td>
            <td className="num">{n(r.demand)}</td>
            <td className="num">{n(r.supply)}</td>
            <td className="num">{n(r.gap)}</td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}

function UnitSection({ forum, unit, t, locale, showAreas, period }: { forum: string; unit: PresentedUnit; t: Translate; locale: Locale; showAreas: boolean; period: string }) {
  const n = (v: number) => formatNumber(v, locale);
  const id = `gap-${unit.unit.toLowerCase()}`;
  const series = { demand: t("gap.demand"), supply: t("gap.supply"), gap: t("gap.gapCol") };
  const { largest, trend, coverage } = unit.charts;
  return (
    <section aria-labelledby={`${id}-title`} className="section gap-unit" data-unit={unit.unit}>
      <h2 id={`${id}-title`}>{unit.unitName}</h2>
      <p className="lead" data-testid={`${id}-totals`}>{unit.totalsText}</p>

      <figure className="gap-figure" aria-labelledby={`${id}-largest-h`}>
          <h3 id={`${id}-largest-h`}>{t("gap.largest")}</h3>
          {largest ? (
            <>
              <ul className="chart-legend" aria-hidden="true">
                <li><Swatch id={`${id}-lg`} k="demand" /> {series.demand}</li>
                <li><Swatch id={`${id}-lg`} k="supply" /> {series.supply}</li>
              </ul>
              <BarChartSvg chart={largest.chart} text={{ id: `${id}-largest`, title: largest.title, desc: largest.desc, format: n }} labels={series} />
              <FiguresTable id={`${id}-largest-table`} caption={`${t("gap.largest")}, ${unit.unitWord}, ${period}`} first={t("gap.field")} rows={unit.largest} n={n} t={t} />
            </>
          ) : (
            <p className="empty">{t("gap.noLargest")}</p>
          )}
      </figure>

      <figure className="gap-figure" aria-labelledby={`${id}-coverage-h`}>
          <h3 id={`${id}-coverage-h`}>{t("gap.coverage")}</h3>
          <StackedBarSvg chart={coverage.chart} text={{ id: `${id}-coverage`, title: coverage.title, desc: coverage.desc, format: n }} />
          <ScrollTable
            id={`${id}-coverage`} caption={`${t("gap.coverage")}, ${unit.unitWord}, ${period}`} testId={`${id}-coverage-table`} className="table table--figures"
            head={
              <>
                <th scope="col">{t("gap.coverage")}</th>
                <th scope="col" className="num">{t("gap.needsCol")}</th>
                <th scope="col" className="num">{t("gap.gapCol")}</th>
              </>
            }
          >
            {unit.coverage.map((c) => (
              <tr key={c.coverage} data-coverage={c.coverage}>
                <th scope="row"><Swatch id={`${id}-cv`} k={c.coverage} /> {c.label}</th>
                <td className="num">{n(c.needs)}</td>
                <td className="num">{n(c.gap)}</td>
              </tr>
            ))}
          </ScrollTable>
      </figure>

      <figure className="gap-figure" aria-labelledby={`${id}-trend-h`}>
        <h3 id={`${id}-trend-h`}>{t("gap.trend")}</h3>
        {trend ? (
          <>
            <ul className="chart-legend" aria-hidden="true">
              <li><Swatch id={`${id}-tr`} k="demand" line /> {series.demand}</li>
              <li><Swatch id={`${id}-tr`} k="supply" line /> {series.supply}</li>
              <li><Swatch id={`${id}-tr`} k="gap" line /> {series.gap}</li>
            </ul>
            <LineChartSvg chart={trend.chart} text={{ id: `${id}-trend`, title: trend.title, desc: trend.desc, format: n }} labels={series} />
          </>
        ) : (
          <p className="muted">{t("gap.trendOne")}</p>
        )}
        <FiguresTable id={`${id}-trend-table`} caption={`${t("gap.trend")}, ${unit.unitWord}`} first={t("gap.period")} rows={unit.trend} n={n} t={t} />
      </figure>

      <div className="gap-grid">
        <FiguresTable id={`${id}-region-table`} caption={`${t("gap.byRegion")}, ${unit.unitWord}, ${period}`} first={t("gap.region")} rows={unit.byRegion} n={n} t={t} />
        {showAreas ? (
          <FiguresTable
            id={`${id}-area-table`} caption={`${t("gap.byArea")}, ${unit.unitWord}, ${period}`} first={t("gap.area")} rows={unit.byArea} n={n} t={t}
            link={(r) => {
              const areaId = (r as LabelledFigures & { areaId?: string | null }).areaId;
              return areaId ? pages.area(forum, areaId) : null;
            }}
          />
        ) : null}
      </div>
      <details className="gap-details">
        <summary>{`${t("gap.byField")} (${n(unit.byField.length)})`}</summary>
        <FiguresTable id={`${id}-field-table`} caption={`${t("gap.byField")}, ${unit.unitWord}, ${period}`} first={t("gap.field")} rows={unit.byField.slice(0, FIELD_ROWS_SHOWN)} n={n} t={t} />
      </details>
    </section>
  );
}

/** Every unit's figures, the coverage of all needs, and the needs listed uncovered first. */
export function GapFigures({ forum, gap, t, locale, showAreas = true }: { forum: string; gap: PresentedGap; t: Translate; locale: Locale; showAreas?: boolean }) {
  const n = (v: number) => formatNumber(v, locale);
  if (!gap.period) return <p className="empty">{t("gap.noPeriod")}</p>;
  if (gap.units.length === 0 && gap.totalNeeds === 0) return <p className="empty">{t("gap.noNeeds")}</p>;
  return (
    <>
      <section aria-labelledby="gap-coverage-all" className="section">
        <h2 id="gap-coverage-all">{t("gap.coverageAll")}</h2>
        <p className="muted">{t("gap.coverageIntro")}</p>
        <ul className="coverage-counts" data-testid="coverage-counts">
          {gap.coverageCounts.map((c) => (
            <li key={c.coverage} data-coverage={c.coverage}>
              <Swatch id="gap-all" k={c.coverage} /> <span className="coverage-counts__label">{c.label}</span>{" "}
              <strong className="coverage-counts__value">{n(c.needs)}</strong>
            </li>
          ))}
        </ul>
        {gap.units.length > 1 ? <p className="notice notice--info">{t("gap.mixedUnits")}</p> : null}
      </section>

      {gap.units.map((u) => (
        <UnitSection key={u.unit} forum={forum} unit={u} t={t} locale={locale} showAreas={showAreas} period={gap.period!} />
      ))}

      <section aria-labelledby="gap-needs" className="section">
        <h2 id="gap-needs">{t("gap.needsList")}</h2>
        {gap.needs.length < gap.totalNeeds ? <p className="muted">{t("gap.needsListMore", { shown: n(gap.needs.length), total: n(gap.totalNeeds) })}</p> : null}
        <ScrollTable
          id="gap-needs-list" labelledBy="gap-needs" testId="gap-needs-table" className="table table--figures"
          head={
            <>
              <th scope="col">{t("gap.need")}</th>
              <th scope="col">{t("gap.coverage")}</th>
              <th scope="col">{t("gap.field")}</th>
              <th scope="col">{t("gap.region")}</th>
              {showAreas ? <th scope="col">{t("gap.area")}</th> : null}
              <th scope="col" className="num">{t("gap.demand")}</th>
              <th scope="col" className="num">{t("gap.supply")}</th>
              <th scope="col" className="num">{t("gap.gapCol")}</th>
              <th scope="col">{t("gap.unit")}</th>
            </>
          }
        >
          {gap.needs.map((x) => (
            <tr key={x.id} data-coverage={x.coverage}>
              <th scope="row"><Link href={pages.need(forum, x.id)}>{x.title}</Link></th>
              <td><Swatch id={`gap-need-${x.id}`} k={x.coverage} /> {x.coverageLabel}</td>
              <td>{x.field}</td>
              <td>{x.region}</td>
              {showAreas ? <td>{x.area}</td> : null}
              <td className="num">{n(x.demand)}</td>
              <td className="num">{n(x.supply)}</td>
              <td className="num">{n(x.gap)}</td>
              <td>{x.unitWord}</td>
            </tr>
          ))}
        </ScrollTable>
      </section>
    </>
  );
}
