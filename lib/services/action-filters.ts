import type { BoardItem } from "../db/actions.ts";
import { addDays, isOpen, isOverdue } from "../time/oslo.ts";

// Filters of the project leader's overview, shared by the screen (live, in the browser) and the CSV export.

export interface ActionFilters {
  group?: string;
  /** A user id, or "none" for items without an owner. */
  owner?: string;
  status?: string;
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
export function sortForWork<T extends BoardItem>(items: T[], today: string): T[] {
  const rank = (i: BoardItem) => (isOverdue(i, today) ? 0 : isOpen(i) ? 1 : 2);
  return [...items].sort((a, b) => {
    const ao = rank(a);
    const bo = rank(b);
    if (ao !== bo) return ao - bo;
    if (a.dueDate !== b.dueDate) return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate.localeCompare(b.dueDate);
    return a.title.localeCompare(b.title, "nb");
  });
}

/** Reads filters from URL search parameters (unknown values are ignored). */
export function filtersFromParams(params: URLSearchParams): ActionFilters {
  const s = (k: string) => params.get(k) || undefined;
  const b = (k: string) => params.get(k) === "1" || params.get(k) === "true";
  return { group: s("group"), owner: s("owner"), status: s("status"), targetArea: s("targetArea"), overdue: b("overdue"), dueThisWeek: b("dueThisWeek"), noAccountable: b("noAccountable") };
}

export function filtersToParams(f: ActionFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v === true ? "1" : String(v));
  return p;
}
