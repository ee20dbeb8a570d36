"use client";

import Link from "next/link";
import type { PresentedAction } from "@/lib/presenters/action";
import { accountableName } from "@/lib/services/action-filters";
import { isOverdue } from "@/lib/time/oslo";
import { pages } from "@/lib/urls";
import type { ActionSortKey } from "@/lib/validation/action-list";
import { useLocale, useT } from "../i18n-provider";
import { formatDay } from "@/lib/i18n/format";

/**
 * The table view: one compact row per item, sortable by each column (a button in the header;
 * `aria-sort` on the sorted one), and a check box per row for bulk changes with "select all shown".
 */
export function ActionTable({ forum, items, today, showGroup, sort, dir, onSort, selected, onSelect }: {
  forum: string; items: PresentedAction[]; today: string; showGroup: boolean;
  sort?: ActionSortKey; dir?: "asc" | "desc"; onSort: (key: ActionSortKey) => void;
  selected: ReadonlySet<string>; onSelect: (ids: string[], on: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const columns: { key: ActionSortKey; label: string }[] = [
    { key: "title", label: t("actions.title") },
    { key: "status", label: t("actions.status") },
    { key: "owner", label: t("actions.owner") },
    { key: "accountable", label: t("actions.accountable") },
    { key: "due", label: t("actions.due") },
    ...(showGroup ? [{ key: "group" as const, label: t("actions.group") }] : []),
    { key: "targetArea", label: t("actions.targetArea") },
  ];
  const allOn = items.length > 0 && items.every((i) => selected.has(i.id));
  const someOn = !allOn && items.some((i) => selected.has(i.id));
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={t("views.table")}>
      <table className="table action-table" data-testid="action-table">
        <caption className="visually-hidden">{t("views.table")}</caption>
        <thead>
          <tr>
            <th scope="col" className="action-table__check">
              <input
                type="checkbox" aria-label={t("views.selectAll", { count: items.length })} checked={allOn} disabled={items.length === 0}
                ref={(el) => { if (el) el.indeterminate = someOn; }}
                onChange={(e) => onSelect(items.map((i) => i.id), e.target.checked)}
              />
            </th>
            {columns.map((c) => {
              const active = sort === c.key;
              return (
                <th key={c.key} scope="col" aria-sort={active ? (dir === "desc" ? "descending" : "ascending") : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)} aria-label={t("views.sortBy", { column: c.label })}>
                    {c.label}
                    <span aria-hidden="true" className="sort-button__mark">{active ? (dir === "desc" ? "▼" : "▲") : "↕"}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const overdue = isOverdue(i, today);
            const a = accountableName(i);
            return (
              <tr key={i.id} data-testid="action-row" data-id={i.id} className={selected.has(i.id) ? "is-selected" : undefined}>
                <td className="action-table__check">
                  <input type="checkbox" aria-label={t("views.selectOne", { title: i.title })} checked={selected.has(i.id)} onChange={(e) => onSelect([i.id], e.target.checked)} />
                </td>
                <th scope="row">
                  <Link href={pages.actionDetail(forum, i.groupId, i.id)}>{i.title}</Link>
                </th>
                <td>
                  <span className={`badge status-badge status-badge--${i.status.toLowerCase()}`}>{t(`actionStatus.${i.status}`)}</span>
                </td>
                <td>{i.owner?.name ?? <span className="muted">{t("actions.noOwner")}</span>}</td>
                <td>{a ?? <span className="warn-text">{t("actions.missingAccountable")}</span>}</td>
                <td className={overdue ? "overdue" : undefined}>
                  {i.dueDate ? <time dateTime={i.dueDate}>{formatDay(i.dueDate, locale)}</time> : "–"}
                  {overdue ? ` – ${t("actions.overdue")}` : ""}
                </td>
                {showGroup ? <td>{i.groupName}</td> : null}
                <td>{i.targetArea?.name ?? "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
