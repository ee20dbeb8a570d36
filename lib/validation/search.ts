import { z } from "zod";
import { SEARCH_KINDS } from "../search/search-index.ts";
import { idSchema, text } from "./common.ts";

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_MAX = 50;
export const SEARCH_LIMIT_DEFAULT = 20;
/** How far one may page into the results. */
export const SEARCH_OFFSET_MAX = 1000;

/** Every status a search can be filtered by: documents', actions' and comment threads'. */
export const SEARCH_STATUSES = {
  document: ["DRAFT", "IN_REVIEW", "APPROVED", "CHANGES_REQUESTED", "REJECTED", "ARCHIVED"],
  action: ["OPEN", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"],
  comment: ["OPEN", "RESOLVED"],
} as const;
const allStatuses = [...new Set(Object.values(SEARCH_STATUSES).flat())] as [string, ...string[]];

/** A number in a query string ("20"). */
const queryInt = (min: number, max: number) => z.string().regex(/^\d{1,6}$/, { error: "validation.number" }).transform(Number).pipe(z.number().int().min(min).max(max));

/**
 * A search (`?q=&group=&kind=&area=&status=&cursor=&limit=`), from the API's query string and the
 * search page's URL. `cursor` is where the next page starts, as the previous answer gave it.
 */
export const searchQuerySchema = z.strictObject({
  q: text(1, SEARCH_QUERY_MAX),
  group: idSchema.optional(),
  kind: z.enum(SEARCH_KINDS).optional(),
  area: idSchema.optional(),
  status: z.enum(allStatuses).optional(),
  cursor: queryInt(0, SEARCH_OFFSET_MAX).optional(),
  limit: queryInt(1, SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
});

export type SearchParams = z.output<typeof searchQuerySchema>;

/** The query string of a search (empty filters left out), for links and the API. */
export function searchParamsToQuery(p: Partial<Record<keyof SearchParams, string | number | undefined>>): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ["q", "group", "kind", "area", "status", "cursor", "limit"] as const) {
    const v = p[key];
    if (v !== undefined && v !== "") out.set(key, String(v));
  }
  return out;
}
