import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { listNeedPeriods, loadGapNames, loadGapRows, type GapFilter } from "../db/gap.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { defaultPeriod, shapeGap, trendPeriods } from "../needs/gap.ts";
import { comparePeriods } from "../needs/period.ts";
import { presentGap, type PresentedGap } from "../presenters/gap.ts";
import type { DbClient } from "../db/types.ts";
import { WHOLE_COUNTY, type GapQuery } from "../validation/gap.ts";

/** How many single needs the view lists (uncovered first); the sums always cover every need. */
export const GAP_NEED_LIST_LIMIT = 100;

export interface GapView {
  /** Every period with needs, oldest first (the filter's choices). */
  periods: string[];
  period: string | null;
  presented: PresentedGap;
  names: Awaited<ReturnType<typeof loadGapNames>>;
}

/** The repository's filter from the URL's (a region of "county" is the county as a whole). */
export function gapFilterOf(query: GapQuery): GapFilter {
  return {
    targetAreaId: query.area,
    groupId: query.group,
    regionId: query.region === WHOLE_COUNTY ? null : query.region,
    unit: query.unit,
    field: query.q,
  };
}

/**
 * Everything one gap view shows, for a member of the forum (every member reads the needs
 * register): the period asked for, else the latest year with needs; the trend within from..to.
 */
export async function loadGapView(access: ForumAccess, query: GapQuery, opts: { t: Translate; locale: Locale; client?: DbClient; needLimit?: number }): Promise<GapView> {
  const client = opts.client ?? db();
  const forumId = access.forum.id;
  const [periods, names] = await Promise.all([listNeedPeriods(client, forumId), loadGapNames(client, forumId)]);
  const period = query.period ?? defaultPeriod(periods);
  const rows = await loadGapRows(client, forumId, {
    filter: gapFilterOf(query),
    period,
    trendPeriods: trendPeriods(periods, { from: query.from, to: query.to, like: period }),
    needLimit: opts.needLimit ?? GAP_NEED_LIST_LIMIT,
  });
  const presented = presentGap(shapeGap(rows), names, { t: opts.t, locale: opts.locale, period });
  return { periods: [...periods].sort(comparePeriods), period, presented, names };
}
