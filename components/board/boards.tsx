"use client";

import { useMemo, useState } from "react";
import type { ActorStanding } from "@/lib/policies/actor";
import { myRoles, type MyRole, type PresentedAction } from "@/lib/presenters/action";
import { api } from "@/lib/urls";
import { ACTION_STATUSES } from "@/lib/validation/action";
import { applyFilters, filtersToParams, sortForWork, type ActionFilters } from "@/lib/services/action-filters";
import { isOverdue } from "@/lib/time/oslo";
import { useT } from "../i18n-provider";
import { ActionCard } from "./action-card";
import { ActionCreateForm, type Choices } from "./action-form";
import { RaciMatrix, type RaciColumn } from "./raci-matrix";
import { useBoards } from "./use-boards";

function LiveBadge({ live }: { live: boolean }) {
  const t = useT();
  return <p className={`sync-status sync-status--${live ? "saved" : "offline"} small`} data-testid="board-live" data-live={live}>{live ? t("actions.live") : t("actions.connecting")}</p>;
}

/** A group's board: its items live, a form for new ones (when `canCreate`), and the responsibility matrix. */
export function GroupBoard({ forum, groupId, initial, viewer, today, canCreate, choices, members, allGroups, recommendations }: {
  forum: string; groupId: string; initial: PresentedAction[]; viewer: ActorStanding; today: string; canCreate: boolean; choices: Choices;
  members: { id: string; name: string }[]; allGroups: { id: string; name: string }[];
  recommendations: { id: string; title: string; raci: PresentedAction["raci"]; abilities: { setRaci: boolean } }[];
}) {
  const t = useT();
  const { items, live } = useBoards([groupId], initial, viewer);
  const sorted = sortForWork(items, today);
  return (
    <>
      <LiveBadge live={live} />
      <div className="two-col two-col--wide-left">
        <section aria-labelledby="items-title">
          <h2 id="items-title">{t("actions.board")}</h2>
          {sorted.length === 0 ? <p className="empty">{t("actions.empty")}</p> : null}
          <ul className="action-list">
            {sorted.map((i) => (
              <ActionCard key={i.id} item={i} forum={forum} today={today} choices={choices} />
            ))}
          </ul>
        </section>
        {canCreate ? <ActionCreateForm forum={forum} groupId={groupId} choices={choices} /> : null}
      </div>
      <RaciMatrix
        columns={[
          ...sorted.map((i): RaciColumn => ({ id: i.id, title: i.title, kind: "action", raci: i.raci, url: api.actionRaci(forum, i.id), moveUrl: api.actionAccountable(forum, i.id), editable: i.abilities.setRaci, version: i.version })),
          ...recommendations.map((d): RaciColumn => ({ id: d.id, title: d.title, kind: "recommendation", raci: d.raci, url: api.documentRaci(forum, d.id), editable: d.abilities.setRaci })),
        ]}
        members={members} allPeople={choices.people} allGroups={allGroups}
      />
    </>
  );
}

/** "Mine tiltak": items the user owns, is Accountable or Responsible for (in person or through a group), across the forum, overdue first, live. */
export function MyActions({ forum, viewer, groupIds, initial, today, choices }: {
  forum: string; viewer: ActorStanding; groupIds: string[]; initial: PresentedAction[]; today: string; choices: Choices;
}) {
  const t = useT();
  const { items, live } = useBoards(groupIds, initial, viewer);
  const mine = sortForWork(items.filter((i) => myRoles(viewer, i).length > 0), today);
  const roleText = (r: MyRole) => {
    const name = r.role === "owner" ? t("actions.roleOwner") : r.role === "A" ? t("actions.roleA") : t("actions.roleR");
    return r.via ? t("actions.roleViaGroup", { role: name, group: r.via }) : name;
  };
  return (
    <>
      <LiveBadge live={live} />
      {mine.length === 0 ? <p className="empty">{t("actions.mineEmpty")}</p> : null}
      <ul className="action-list" aria-label={t("actions.mine")}>
        {mine.map((i) => (
          <ActionCard key={i.id} item={i} forum={forum} today={today} choices={choices} showGroup myRole={myRoles(viewer, i).map(roleText).join(", ")} />
        ))}
      </ul>
    </>
  );
}

/** The project leader's overview across all groups: filters, counts, grouping by owner, CSV. */
export function ActionOverview({ forum, groups, initial, viewer, today, choices }: {
  forum: string; groups: { id: string; name: string }[]; initial: PresentedAction[]; viewer: ActorStanding; today: string; choices: Choices;
}) {
  const t = useT();
  const { items, live } = useBoards(groups.map((g) => g.id), initial, viewer);
  const [f, setF] = useState<ActionFilters>({});
  const [byOwner, setByOwner] = useState(false);
  const shown = useMemo(() => sortForWork(applyFilters(items, f, today), today), [items, f, today]);
  const counts = groups.map((g) => ({ group: g, byStatus: ACTION_STATUSES.map((s) => items.filter((i) => i.groupId === g.id && i.status === s).length) }));
  const owners = byOwner ? [...new Map(shown.map((i) => [i.owner?.id ?? "", i.owner?.name ?? t("actions.noOwner")])).entries()] : [];
  const select = (key: keyof ActionFilters, label: string, all: string, options: { value: string; label: string }[]) => (
    <label className="field">
      <span>{label}</span>
      <select value={(f[key] as string | undefined) ?? ""} onChange={(e) => setF({ ...f, [key]: e.target.value || undefined })}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const check = (key: keyof ActionFilters, label: string) => (
    <label className="checkbox">
      <input type="checkbox" checked={Boolean(f[key])} onChange={(e) => setF({ ...f, [key]: e.target.checked || undefined })} />
      {label}
    </label>
  );
  const card = (i: PresentedAction) => (
    <ActionCard key={i.id} item={i} forum={forum} today={today} choices={choices} showGroup />
  );

  return (
    <>
      <LiveBadge live={live} />
      <section aria-labelledby="counts-title" className="section">
        <h2 id="counts-title">{t("actions.counts")}</h2>
        <div className="table-scroll" role="region" aria-labelledby="counts-title" tabIndex={0}>
          <table className="table" data-testid="counts">
            <thead>
              <tr>
                <th scope="col">{t("actions.group")}</th>
                {ACTION_STATUSES.map((s) => (
                  <th scope="col" key={s}>{t(`actionStatus.${s}`)}</th>
                ))}
                <th scope="col">{t("actions.overdue")}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map(({ group, byStatus }) => (
                <tr key={group.id}>
                  <th scope="row">{group.name}</th>
                  {byStatus.map((n, k) => (
                    <td key={k}>{n}</td>
                  ))}
                  <td>{items.filter((i) => i.groupId === group.id && isOverdue(i, today)).length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="filter-title" className="section">
        <h2 id="filter-title">{t("actions.filters")}</h2>
        <div className="filters">
          {select("group", t("actions.group"), t("actions.allGroups"), groups.map((g) => ({ value: g.id, label: g.name })))}
          {select("owner", t("actions.owner"), t("actions.allOwners"), [{ value: "none", label: t("actions.noOwner") }, ...choices.people.map((p) => ({ value: p.id, label: p.name }))])}
          {select("status", t("actions.status"), t("actions.allStatuses"), ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) })))}
          {select("targetArea", t("actions.targetArea"), t("actions.allTargetAreas"), choices.areas.map((a) => ({ value: a.id, label: a.name })))}
        </div>
        <div className="filters filters--checks">
          {check("overdue", t("actions.filterOverdue"))}
          {check("dueThisWeek", t("actions.filterDueThisWeek"))}
          {check("noAccountable", t("actions.filterNoAccountable"))}
          <label className="checkbox">
            <input type="checkbox" checked={byOwner} onChange={(e) => setByOwner(e.target.checked)} />
            {t("actions.groupByOwner")}
          </label>
        </div>
        <p className="button-row">
          <a className="button button--secondary" href={api.actionsCsv(forum, filtersToParams(f))} download>
            {t("actions.exportCsv")}
          </a>
        </p>
        <p role="status" className="muted">{t("actions.showing", { count: shown.length, total: items.length })}</p>
      </section>

      {shown.length === 0 ? <p className="empty">{t("actions.noMatches")}</p> : null}
      {byOwner ? (
        owners.map(([id, name]) => (
          <section key={id || "none"} aria-label={name} className="section">
            <h3>{name}</h3>
            <ul className="action-list">{shown.filter((i) => (i.owner?.id ?? "") === id).map(card)}</ul>
          </section>
        ))
      ) : (
        <ul className="action-list" aria-label={t("actions.overview")}>
          {shown.map(card)}
        </ul>
      )}
    </>
  );
}
