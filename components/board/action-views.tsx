"use client";

import { useMemo, useState } from "react";
import type { PresentedAction } from "@/lib/presenters/action";
import type { PresentedSavedView } from "@/lib/presenters/saved-view";
import { applyFilters, filtersOf, sortActions, sortForWork, type ActionFilters } from "@/lib/services/action-filters";
import { api } from "@/lib/urls";
import { ACTION_STATUSES } from "@/lib/validation/action";
import { actionListQueryToSearch, ACTION_VIEWS, type ActionListQuery, type ActionSortKey } from "@/lib/validation/action-list";
import { useT } from "../i18n-provider";
import { ActionCard } from "./action-card";
import type { Choices } from "./action-form";
import { ActionTable } from "./action-table";
import { BulkBar } from "./bulk-bar";
import { SavedViews } from "./saved-views";
import { StatusBoard } from "./status-board";
import { useListQuery } from "./use-list-query";

const FILTER_KEYS = ["group", "owner", "status", "targetArea", "overdue", "dueThisWeek", "noAccountable"] as const;

/**
 * An action list (the forum's overview or one group's board) in three views — cards (Liste),
 * status columns with drag and drop (Tavle), a sortable table with bulk changes (Tabell) — with
 * filters, grouping and sort kept in the URL, and the viewer's saved views of the list. `items` are
 * the live items (useBoards); everything here is worked out from them and the URL.
 */
export function ActionViews({ forum, scope, items, groups, today, choices, savedViews, aside }: {
  forum: string;
  /** "overview", or "group:<id>" on a group's board (no group filter there). */
  scope: string;
  items: PresentedAction[]; groups: { id: string; name: string }[]; today: string; choices: Choices;
  savedViews: PresentedSavedView[];
  /** Beside the list view (e.g. the form for a new item); below the other views. */
  aside?: React.ReactNode;
}) {
  const t = useT();
  const { query, invalid, search, set, href } = useListQuery();
  const groupId = scope.startsWith("group:") ? scope.slice("group:".length) : null;
  const view = query.view ?? "list";
  const filters = useMemo((): ActionFilters => ({ ...filtersOf(query), ...(groupId ? { group: undefined } : {}) }), [query, groupId]);
  const shown = useMemo(() => applyFilters(items, filters, today), [items, filters, today]);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const active = FILTER_KEYS.some((k) => filters[k] !== undefined && filters[k] !== false);
  const csvQuery = actionListQueryToSearch({ ...query, view: undefined, groupBy: undefined, ...(groupId ? { group: groupId } : {}) });

  const select = (key: "group" | "owner" | "status" | "targetArea", label: string, all: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={(filters[key] as string | undefined) ?? ""} onChange={(e) => set({ [key]: e.target.value || undefined } as Partial<ActionListQuery>)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
  const check = (key: "overdue" | "dueThisWeek" | "noAccountable", label: string) => (
    <label className="checkbox">
      <input type="checkbox" checked={Boolean(filters[key])} onChange={(e) => set({ [key]: e.target.checked || undefined })} />
      {label}
    </label>
  );
  const card = (i: PresentedAction) => <ActionCard key={i.id} item={i} forum={forum} today={today} choices={choices} showGroup={!groupId} />;

  function onSort(key: ActionSortKey) {
    set({ sort: key, dir: query.sort === key && query.dir !== "desc" ? "desc" : "asc" });
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
  const tableItems = view === "table" ? sortActions(shown, today, query.sort, query.dir) : [];
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
    const sorted = sortForWork(shown, today);
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
        {sortForWork(shown, today).map(card)}
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
              <button type="button" className="button button--quiet" onClick={() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>
                {t("views.resetFilters")}
              </button>
            ) : null}
          </p>
          <p role="status" className="muted" data-testid="showing">{t("actions.showing", { count: shown.length, total: items.length })}</p>
        </div>
        <SavedViews forum={forum} scope={scope} search={search} initial={savedViews} />
      </section>

      <section aria-labelledby="items-title" className="section">
        <div className="items-head">
          <h2 id="items-title">{t("actions.board")}</h2>
          <nav aria-label={t("views.viewSwitch")} className="view-switch">
            <ul>
              {ACTION_VIEWS.map((v) => (
                <li key={v}>
                  <a
                    href={href({ view: v })} aria-current={v === view ? "page" : undefined} className={v === view ? "is-current" : undefined}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      set({ view: v }, { push: true });
                    }}
                  >
                    {t(`views.${v}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {shown.length === 0 && items.length > 0 ? <p className="empty">{t("actions.noMatches")}</p> : null}
        {items.length === 0 ? <p className="empty">{t("actions.empty")}</p> : null}
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
