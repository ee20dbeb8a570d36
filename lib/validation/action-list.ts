import { z } from "zod";
import { ACTION_STATUSES } from "./action.ts";
import { idSchema } from "./common.ts";

/** The ways an action list is shown: cards, status columns, a compact table. */
export const ACTION_VIEWS = ["list", "board", "table"] as const;
/** Columns the table view sorts by. */
export const ACTION_SORT_KEYS = ["title", "status", "owner", "accountable", "due", "group", "targetArea"] as const;
/** The URL keys of an action list (overview or a group's board), in the order links write them. */
export const ACTION_LIST_QUERY_KEYS = ["view", "group", "owner", "status", "targetArea", "overdue", "dueThisWeek", "noAccountable", "closed", "groupBy", "sort", "dir", "page"] as const;
/** Items per page of an action list (the CSV has them all). */
export const ACTION_PAGE_SIZE = 50;
/** A group's board shows fewer: its page also carries the responsibility matrix of the page's items (a column each). */
export const BOARD_PAGE_SIZE = 25;
/** Highest page number a URL may ask for (past the last page shows the last). */
export const ACTION_PAGE_MAX = 100_000;
/** Longest query string a list (and a saved view) keeps. */
export const ACTION_LIST_QUERY_MAX = 1000;

export type ActionListKey = (typeof ACTION_LIST_QUERY_KEYS)[number];
export type ActionView = (typeof ACTION_VIEWS)[number];
export type ActionSortKey = (typeof ACTION_SORT_KEYS)[number];

// A check box in the URL: "1" (what links write) or "true".
const flag = z.enum(["1", "true"]).transform((): boolean => true);

/**
 * An action list's state in its URL: which view, the filters, grouping and the table's sort.
 * Every key is optional; the list view, no filter and the working order are the defaults.
 */
export const actionListQuerySchema = z.strictObject({
  view: z.enum(ACTION_VIEWS).optional(),
  group: idSchema.optional(),
  /** A user id, or "none" for items without an owner. */
  owner: z.union([z.literal("none"), idSchema]).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  targetArea: idSchema.optional(),
  overdue: flag.optional(),
  dueThisWeek: flag.optional(),
  noAccountable: flag.optional(),
  /** Closed (done, cancelled) items too: hidden unless asked for. */
  closed: flag.optional(),
  groupBy: z.enum(["owner"]).optional(),
  sort: z.enum(ACTION_SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  /** 1-based page of the list. */
  page: z.string().regex(/^[1-9][0-9]{0,5}$/).transform(Number).pipe(z.number().int().min(1).max(ACTION_PAGE_MAX)).optional(),
});

export type ActionListQuery = z.output<typeof actionListQuerySchema>;

type Raw = URLSearchParams | { get(key: string): string | null } | Record<string, string | string[] | undefined>;

function read(raw: Raw, key: string): string | undefined {
  if (typeof (raw as URLSearchParams).get === "function") return (raw as URLSearchParams).get(key) ?? undefined;
  const v = (raw as Record<string, string | string[] | undefined>)[key];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * An action list's state from a URL, each key checked on its own: a bad value is left out (and
 * named in `invalid`) while the others still apply, so a hand-edited or old link never breaks the
 * page. Keys the list does not know are ignored.
 */
export function parseActionListQuery(raw: Raw): { query: ActionListQuery; invalid: ActionListKey[] } {
  const query: Record<string, unknown> = {};
  const invalid: ActionListKey[] = [];
  for (const key of ACTION_LIST_QUERY_KEYS) {
    const v = read(raw, key);
    if (v === undefined || v === "") continue;
    const parsed = actionListQuerySchema.shape[key].safeParse(v);
    if (parsed.success) query[key] = parsed.data;
    else invalid.push(key);
  }
  return { query: query as ActionListQuery, invalid };
}

/** The query string of a list state (defaults and empty values left out, keys in a fixed order), for links and saved views. */
export function actionListQueryToSearch(q: ActionListQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ACTION_LIST_QUERY_KEYS) {
    const v = q[key];
    if (v === undefined || v === false || v === "") continue;
    if (key === "view" && v === "list") continue;
    if (key === "page" && v === 1) continue;
    out.set(key, v === true ? "1" : String(v));
  }
  return out;
}

/**
 * A query string as a saved view stores it: every key known and valid, at most
 * ACTION_LIST_QUERY_MAX characters; written back in canonical form. Unlike a URL typed by hand,
 * a saved view with a bad part is refused, not repaired.
 */
export const actionListQueryStringSchema = z
  .string()
  .max(ACTION_LIST_QUERY_MAX)
  .transform((s, ctx) => {
    const params = new URLSearchParams(s.startsWith("?") ? s.slice(1) : s);
    const unknown = [...new Set(params.keys())].filter((k) => !(ACTION_LIST_QUERY_KEYS as readonly string[]).includes(k));
    const { query, invalid } = parseActionListQuery(params);
    if (unknown.length || invalid.length) {
      ctx.addIssue({ code: "custom", message: "validation.viewQuery" });
      return z.NEVER;
    }
    return actionListQueryToSearch(query).toString();
  });
