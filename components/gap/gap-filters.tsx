import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import type { GapView } from "@/lib/services/gap-view";
import { pages } from "@/lib/urls";
import { GAP_FIELD_QUERY_MAX, WHOLE_COUNTY } from "@/lib/validation/gap";
import { NEED_UNITS } from "@/lib/validation/need";

export type GapFilterValues = Partial<Record<"area" | "group" | "region" | "period" | "from" | "to" | "unit" | "q", string>>;

type Choice = { id: string; name: string };

/**
 * The gap view's filters: a plain GET form, so the filters live in the URL (a view can be shared,
 * the back button works) and it works without JavaScript. "Nullstill" is a link to the bare view.
 */
export function GapFilters({ forum, values, invalid, view, t, fixedArea }: {
  forum: string; values: GapFilterValues; t: Translate;
  /** Filters of the URL that were not valid (left out); named in an alert above the form. */
  invalid: readonly (keyof GapFilterValues)[];
  view: Pick<GapView, "periods" | "period" | "names">;
  /** On a target area's page the area is given: the form does not offer it. */
  fixedArea?: string;
}) {
  const { periods, period } = view;
  const areas: Choice[] = fixedArea ? [] : view.names.liveAreas;
  const groups: Choice[] = view.names.groups;
  const regions: Choice[] = view.names.liveRegions;
  const select = (name: keyof GapFilterValues, label: string, options: { value: string; label: string }[], opts: { all?: boolean; value?: string } = {}) => (
    <div className="field">
      <label htmlFor={`gap-${name}`}>{label}</label>
      <select id={`gap-${name}`} name={name} defaultValue={opts.value ?? values[name] ?? ""}>
        {opts.all === false ? null : <option value="">{t("gap.all")}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
  const periodOptions = periods.map((p) => ({ value: p, label: p }));
  const action = fixedArea ? pages.area(forum, fixedArea) : pages.gap(forum);
  return (
    <>
    {invalid.length ? (
      <p className="notice notice--error" role="alert">{t("gap.invalid", { message: invalid.map((k) => t(`gap.${k === "q" ? "field" : k}`)).join(", ") })}</p>
    ) : null}
    <form method="get" action={action} className="gap-filters" aria-labelledby="gap-filters-title">
      <h2 id="gap-filters-title" className="visually-hidden">{t("gap.filters")}</h2>
      <div className="filters">
        {fixedArea ? null : select("area", t("gap.area"), areas.map((a) => ({ value: a.id, label: a.name })))}
        {select("group", t("gap.group"), groups.map((g) => ({ value: g.id, label: g.name })))}
        {select("region", t("gap.region"), [{ value: WHOLE_COUNTY, label: t("gap.wholeCounty") }, ...regions.map((r) => ({ value: r.id, label: r.name }))])}
        {select("unit", t("gap.unit"), NEED_UNITS.map((u) => ({ value: u, label: t(`gap.unitNames.${u}`) })))}
        <div className="field">
          <label htmlFor="gap-q">{t("gap.field")}</label>
          <input id="gap-q" type="search" name="q" defaultValue={values.q ?? ""} maxLength={GAP_FIELD_QUERY_MAX} />
        </div>
      </div>
      <div className="filters">
        {select("period", t("gap.period"), periodOptions, { all: false, value: values.period ?? period ?? "" })}
        {select("from", t("gap.from"), periodOptions)}
        {select("to", t("gap.to"), periodOptions)}
      </div>
      <p className="field-hint">{t("gap.periodHelp")}</p>
      <div className="button-row">
        <button type="submit" className="button button--primary">{t("gap.apply")}</button>
        <Link className="button button--secondary" href={action}>{t("gap.reset")}</Link>
      </div>
    </form>
    </>
  );
}
