import { z } from "zod";
import { idSchema, text } from "./common.ts";
import { NEED_UNITS, periodSchema } from "./need.ts";

export const GAP_FIELD_QUERY_MAX = 100;
/** The region filter's value for figures about the county as a whole (needs without a region). */
export const WHOLE_COUNTY = "county";
/** The URL keys of the gap view's filters, in the order links write them. */
export const GAP_QUERY_KEYS = ["area", "group", "region", "period", "from", "to", "unit", "q"] as const;

/**
 * The gap view's filters (`?area=&group=&region=&period=&from=&to=&unit=&q=`), from the page's URL.
 * `period` is the period the figures are for (one year or half-year: needs are counted at a time,
 * so figures of different periods are never added up); `from`/`to` bound the trend over periods.
 */
export const gapQuerySchema = z.strictObject({
  area: idSchema.optional(),
  group: idSchema.optional(),
  region: z.union([z.literal(WHOLE_COUNTY), idSchema]).optional(),
  period: periodSchema.optional(),
  from: periodSchema.optional(),
  to: periodSchema.optional(),
  unit: z.enum(NEED_UNITS).optional(),
  q: text(1, GAP_FIELD_QUERY_MAX).optional(),
});

export type GapQuery = z.output<typeof gapQuerySchema>;

/** The filters given in a URL's search parameters (known keys, non-empty, first value of each). */
export function gapQueryInput(raw: Record<string, string | string[] | undefined>): Partial<Record<(typeof GAP_QUERY_KEYS)[number], string>> {
  const out: Partial<Record<(typeof GAP_QUERY_KEYS)[number], string>> = {};
  for (const key of GAP_QUERY_KEYS) {
    const v = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (typeof v === "string" && v.trim() !== "") out[key] = v;
  }
  return out;
}

/** The query string of a gap view (empty filters left out), for links. */
export function gapQueryToSearch(q: Partial<Record<(typeof GAP_QUERY_KEYS)[number], string | undefined>>): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of GAP_QUERY_KEYS) {
    const v = q[key];
    if (v !== undefined && v !== "") out.set(key, v);
  }
  return out;
}

/** The annual report's one parameter: the period it covers. */
export const annualReportQuerySchema = z.strictObject({ period: periodSchema });

/**
 * The filters of a URL, each checked on its own: a bad one is left out (and named in `invalid`)
 * while the others still apply, so a hand-edited link still shows something useful.
 */
export function parseGapQuery(input: Partial<Record<(typeof GAP_QUERY_KEYS)[number], string>>): { query: GapQuery; invalid: (typeof GAP_QUERY_KEYS)[number][] } {
  const query: Record<string, unknown> = {};
  const invalid: (typeof GAP_QUERY_KEYS)[number][] = [];
  for (const key of GAP_QUERY_KEYS) {
    if (input[key] === undefined) continue;
    const parsed = gapQuerySchema.shape[key].safeParse(input[key]);
    if (parsed.success) query[key] = parsed.data;
    else invalid.push(key);
  }
  return { query: query as GapQuery, invalid };
}
