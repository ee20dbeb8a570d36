"use client";

import { useState } from "react";
import type { PresentedAction } from "@/lib/presenters/action";
import type { PresentedSavedView } from "@/lib/presenters/saved-view";
import type { ActionListProps } from "@/lib/services/action-list-page";
import { filtersOf } from "@/lib/services/action-filters";
import { api } from "@/lib/urls";
import { ACTION_STATUSES } from "@/lib/validation/action";
import { actionListQueryToSearch, ACTION_VIEWS, type ActionListQuery, type ActionSortKey } from "@/lib/validation/action-list";
import { useT } from "../i18n-provider";
import { ActionCard } from "./action-card";
import type { Choices } from "./action-form";
import { ActionTable } from "./action-table";
import { BulkBar } from "./bulk-bar";
import { ListPager } from "./list-pager";
import { SavedViews } from "./saved-views";
import { StatusBoard } from "./status-board";
import { useListQuery } from "./use-list-query";

const FILTER_KEYS = ["group", "owner", "status", "targetArea", "overdue", "dueThisWeek", "noAccountable"] as const;

/**
 * An action list (the forum's overview or one group's board) in three views — cards (Liste),
 * status columns with drag and drop (Tavle), a sortable table with bulk changes (Tabell) — with
 * filters, grouping, sort, closed items and the page kept in the URL, and the viewer's saved views
 * of the list. The server filters, sorts and pages (`list`); `items` are that page's items, live
 * (useBoards).
 */
export function ActionViews({ forum, scope, items, list, groups, today, choices, savedViews, aside }: {
  forum: string;
  /** "overview", or "group:<id>" on a group's board (no group filter there). */
  scope: string;
  items: PresentedAction[];
  /** Where the page stands in the whole list. */
  list: Omit<ActionListProps, "items">;
  groups: { id: string; name: string }[]; today: string; choices: Choices;
  savedViews: PresentedSavedView[];
  /** Beside the list view (e.g. the form for a new item); below the other views. */
  aside?: React.ReactNode;
}) {
  const t = useT();
  const { query, invalid, search, set, href, busy } = useListQuery();
  // A saved view keeps the list's state, not the page it was on.
  const savedSearch = actionListQueryToSearch({ ...query, page: undefined }).toString();
  void search;
  const groupId = scope.startsWith("group:") ? scope.slice("group:".length) : null;
  const view = query.view ?? "list";
  const filters = { ...filtersOf(query), ...(groupId ? { group: undefined } : {}) };
  const shown = items;
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const active = FILTER_KEYS.some((k) => filters[k] !== undefined && filters[k] !== false);
  // The CSV has every matching item (all pages), in the table's order when the table is shown.
  const csvQuery = actionListQueryToSearch({ ...query, view: undefined, groupBy: undefined, page: undefined, ...(view === "table" ? {} : { sort: undefined, dir: undefined }), ...(groupId ? { group: groupId } : {}) });
  // A new filter starts the list again at its first page.
  const setFilter = (patch: Partial<ActionListQuery>) => set({ ...patch, page: undefined });
  const closedForced = filters.status === "DONE" || filters.status === "CANCELLED";

  const select = (key: "group" | "owner" | "status" | "targetArea", label: string, all: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={(filters[key] as string | undefined) ?? ""} onChange={(e) => setFilter({ [key]: e.target.value || undefined } as Partial<ActionListQuery>)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
  const check = (key: "overdue" | "dueThisWeek" | "noAccountable", label: string) => (
    <label className="checkbox">
      <input type="checkbox" checked={Boolean(filters[key])} onChange={(e) => setFilter({ [key]: e.target.checked || undefined })} />
      {label}
    </label>
  );
  const card = (i: PresentedAction) => <ActionCard key={i.id} item={i} forum={forum} today={today} choices={choices} showGroup={!groupId} />;

  function onSort(key: ActionSortKey) {
    set({ sort: key, dir: query.sort === key && query.dir !== "desc" ? "desc" : "asc", page: undefined });
  }
  function onSelect(ids: string[], on: boolean) {
    setSelection((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }
  const tableItems = view === "table" ? shown : [];
  const selectedItems = tableItems.filter((i) => selection.has(i.id));

  let content: React.ReactNode;
  if (view === "board") {
    content = <StatusBoard forum={forum} items={shown} today={today} showGroup={!groupId} />;
  } else if (view === "table") {
    content = (
      <>
        <BulkBar forum={forum} selected={selectedItems} choices={choices} onDone={(keep) => setSelection(new Set(keep))} onClear={() => setSelection(new Set())} />
        <ActionTable forum={forum} items={tableItems} today={today} showGroup={!groupId} sort={query.sort} dir={query.dir} onSort={onSort} selected={selection} onSelect={onSelect} />
      </>
    );
  } else if (query.groupBy === "owner") {
    const sorted = shown;
    const owners = [...new Map(sorted.map((i) => [i.owner?.id ?? "", i.owner?.name ?? t("actions.noOwner")])).entries()];
    content = owners.map(([id, name]) => (
      <section key={id || "none"} aria-label={name} className="section">
        <h3>{name}</h3>
        <ul className="action-list">{sorted.filter((i) => (i.owner?.id ?? "") === id).map(card)}</ul>
      </section>
    ));
  } else {
    content = (
      <ul className="action-list" aria-label={groupId ? t("actions.board") : t("actions.overview")}>
        {shown.map(card)}
      </ul>
    );
  }

  return (
    <>
      {invalid.length ? (
        <p className="notice notice--warn" role="status" data-testid="invalid-query">
          {t("views.invalid", { keys: invalid.map((k) => t(`views.keys.${k}`)).join(", ") })}
        </p>
      ) : null}
      <section aria-labelledby="filter-title" className="section list-controls">
        <div className="list-controls__filters">
          <h2 id="filter-title">{t("actions.filters")}</h2>
          <div className="filters">
            {groupId ? null : select("group", t("actions.group"), t("actions.allGroups"), groups.map((g) => ({ value: g.id, label: g.name })))}
            {select("owner", t("actions.owner"), t("actions.allOwners"), [{ value: "none", label: t("actions.noOwner") }, ...choices.people.map((p) => ({ value: p.id, label: p.name }))])}
            {select("status", t("actions.status"), t("actions.allStatuses"), ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) })))}
            {select("targetArea", t("actions.targetArea"), t("actions.allTargetAreas"), choices.areas.map((a) => ({ value: a.id, label: a.name })))}
          </div>
          <div className="filters filters--checks">
            {check("overdue", t("actions.filterOverdue"))}
            {check("dueThisWeek", t("actions.filterDueThisWeek"))}
            {check("noAccountable", t("actions.filterNoAccountable"))}
            {view === "list" ? (
              <label className="checkbox">
                <input type="checkbox" checked={query.groupBy === "owner"} onChange={(e) => set({ groupBy: e.target.checked ? "owner" : undefined })} />
                {t("actions.groupByOwner")}
              </label>
            ) : null}
          </div>
          <p className="button-row list-controls__buttons">
            <a className="button button--secondary" href={api.actionsCsv(forum, csvQuery)} download>
              {t("actions.exportCsv")}
            </a>
            {active ? (
              <button type="button" className="button button--quiet" onClick={() => setFilter(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>
                {t("views.resetFilters")}
              </button>
            ) : null}
          </p>
        </div>
        <SavedViews forum={forum} scope={scope} search={savedSearch} initial={savedViews} />
      </section>

      {/* Busy while a filter change is on its way: the rows below are the old ones until it lands. */}
      <section aria-labelledby="items-title" className="section" aria-busy={busy || undefined} data-testid="action-items">
        <div className="items-head">
          <h2 id="items-title">{t("actions.board")}</h2>
          <nav aria-label={t("views.viewSwitch")} className="view-switch">
            <ul>
              {ACTION_VIEWS.map((v) => (
                <li key={v}>
                  <a
                    href={href({ view: v, page: undefined })} aria-current={v === view ? "page" : undefined} className={v === view ? "is-current" : undefined}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      set({ view: v, page: undefined }, { push: true });
                    }}
                  >
                    {t(`views.${v}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <ListPager total={list.total} page={list.page} pageCount={list.pageCount} pageSize={list.pageSize} closedCount={list.closedCount}
          closedShown={Boolean(query.closed)} closedForced={closedForced} href={(patch) => href(patch)} />
        {list.total === 0 && active ? <p className="empty">{t("actions.noMatches")}</p> : null}
        {list.total === 0 && !active ? <p className="empty">{t("actions.empty")}</p> : null}
        {view === "list" && aside ? (
          <div className="two-col two-col--wide-left">
            <div>{content}</div>
            {aside}
          </div>
        ) : (
          <>
            {content}
            {aside ? <div className="section">{aside}</div> : null}
          </>
        )}
      </section>
    </>
  );
}
