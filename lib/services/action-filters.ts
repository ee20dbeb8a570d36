import type { BoardItem } from "../db/actions.ts";
import { addDays, isOpen, isOverdue } from "../time/oslo.ts";
import { ACTION_STATUSES } from "../validation/action.ts";
import { actionListQueryToSearch, parseActionListQuery, type ActionListQuery, type ActionSortKey } from "../validation/action-list.ts";

// Filters of the project leader's overview, shared by the screen (live, in the browser) and the CSV export.

export interface ActionFilters {
  group?: string;
  /** A user id, or "none" for items without an owner. */
  owner?: string;
  status?: ActionListQuery["status"];
  targetArea?: string;
  overdue?: boolean;
  dueThisWeek?: boolean;
  noAccountable?: boolean;
}

/** Monday and Sunday of the week `today` falls in. */
export function weekOf(today: string): { from: string; to: string } {
  const monday = addDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** What the list orders need of an item (the SQL path reads only these for the rows it does not show). */
export type SortableAction = Pick<BoardItem, "id" | "status" | "dueDate" | "title" | "owner" | "groupName" | "targetArea"> & {
  raci: Pick<BoardItem["raci"][number], "role" | "user" | "group">[];
};

export function hasAccountable(item: Pick<BoardItem, "raci">): boolean {
  return item.raci.some((r) => r.role === "A");
}

export function applyFilters<T extends BoardItem>(items: T[], f: ActionFilters, today: string): T[] {
  const week = weekOf(today);
  return items.filter(
    (i) =>
      (!f.group || i.groupId === f.group) &&
      (!f.owner || (f.owner === "none" ? i.owner === null : i.owner?.id === f.owner)) &&
      (!f.status || i.status === f.status) &&
      (!f.targetArea || i.targetArea?.id === f.targetArea) &&
      (!f.overdue || isOverdue(i, today)) &&
      (!f.dueThisWeek || (isOpen(i) && i.dueDate !== null && i.dueDate >= week.from && i.dueDate <= week.to)) &&
      (!f.noAccountable || !hasAccountable(i)),
  );
}

/** Overdue first, then open by due date (none last), closed ones at the end, then title. */
export function sortForWork<T extends SortableAction>(items: T[], today: string): T[] {
  const rank = (i: SortableAction) => (isOverdue(i, today) ? 0 : isOpen(i) ? 1 : 2);
  return [...items].sort((a, b) => {
    const ao = rank(a);
    const bo = rank(b);
    if (ao !== bo) return ao - bo;
    if (a.dueDate !== b.dueDate) return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate.localeCompare(b.dueDate);
    return a.title.localeCompare(b.title, "nb");
  });
}

/** The filters of a list's URL state (view, grouping and sort are not filters). */
export function filtersOf(q: ActionListQuery): ActionFilters {
  return { group: q.group, owner: q.owner, status: q.status, targetArea: q.targetArea, overdue: q.overdue, dueThisWeek: q.dueThisWeek, noAccountable: q.noAccountable };
}

/** Reads filters from URL search parameters, by the list's one schema (invalid values are ignored). */
export function filtersFromParams(params: URLSearchParams): ActionFilters {
  return filtersOf(parseActionListQuery(params).query);
}

export function filtersToParams(f: ActionFilters): URLSearchParams {
  return actionListQueryToSearch(f);
}

/** The name of an item's Accountable (a person, or a whole group), or null. */
export function accountableName(item: Pick<SortableAction, "raci">): string | null {
  const a = item.raci.find((r) => r.role === "A");
  return a ? (a.user?.name ?? a.group?.name ?? null) : null;
}

const sortValue: Record<ActionSortKey, (i: SortableAction) => string | number | null> = {
  title: (i) => i.title,
  status: (i) => ACTION_STATUSES.indexOf(i.status),
  owner: (i) => i.owner?.name ?? null,
  accountable: (i) => accountableName(i),
  due: (i) => i.dueDate,
  group: (i) => i.groupName,
  targetArea: (i) => i.targetArea?.name ?? null,
};

/**
 * The table's order: by one column, ascending or descending, empty values last either way, ties
 * in working order (sortForWork). Without a column, the working order.
 */
export function sortActions<T extends SortableAction>(items: T[], today: string, sort?: ActionSortKey, dir: "asc" | "desc" = "asc"): T[] {
  const work = sortForWork(items, today);
  if (!sort) return work;
  const rank = new Map(work.map((i, k) => [i.id, k]));
  const value = sortValue[sort];
  const sign = dir === "desc" ? -1 : 1;
  return work.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb), "nb");
      if (c !== 0) return sign * c;
    }
    return rank.get(a.id)! - rank.get(b.id)!;
  });
}
