import { listActions, type ActionListPage, type ActionListScope } from "../db/actions.ts";
import { db } from "../db/client.ts";
import type { ActorStanding } from "../policies/actor.ts";
import { presentActions, type PresentedAction } from "../presenters/action.ts";
import { ACTION_PAGE_SIZE, parseActionListQuery, type ActionListQuery } from "../validation/action-list.ts";
import { filtersOf } from "./action-filters.ts";

/** A page of an action list as the client components take it: presented items and where they stand in the whole list. */
export interface ActionListProps {
  items: PresentedAction[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  closedCount: number;
}

/**
 * The page of an action list its URL asks for (filters, closed items, table sort, page), read in
 * SQL for the viewer. A group's board has no group filter; the list and board views keep the
 * working order (the table's sort applies to the table).
 */
export async function loadActionListPage(
  viewer: ActorStanding, scope: ActionListScope, raw: Record<string, string | string[] | undefined>, today: string, pageSize = ACTION_PAGE_SIZE,
): Promise<{ query: ActionListQuery; list: ActionListProps }> {
  const { query } = parseActionListQuery(raw);
  const filters = { ...filtersOf(query), ...(scope.groupId ? { group: undefined } : {}) };
  const table = query.view === "table";
  const page: ActionListPage = await listActions(db(), scope, {
    filters, closed: Boolean(query.closed), sort: table ? query.sort : undefined, dir: table ? query.dir : undefined,
    page: query.page ?? 1, pageSize, today,
  });
  return { query, list: { items: presentActions(viewer, page.items), total: page.total, page: page.page, pageCount: page.pageCount, pageSize, closedCount: page.closedCount } };
}
