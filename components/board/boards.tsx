"use client";

import type { ActorStanding } from "@/lib/policies/actor";
import { myRoles, type MyRole, type PresentedAction } from "@/lib/presenters/action";
import type { PresentedSavedView } from "@/lib/presenters/saved-view";
import type { ActionListProps } from "@/lib/services/action-list-page";
import { api } from "@/lib/urls";
import { ACTION_STATUSES } from "@/lib/validation/action";
import { useLocale, useT } from "../i18n-provider";
import { ActionCard } from "./action-card";
import { ActionCreateForm, type Choices } from "./action-form";
import { ActionViews } from "./action-views";
import { ListPager } from "./list-pager";
import { RaciMatrix, type RaciColumn } from "./raci-matrix";
import { useBoards } from "./use-boards";
import { useListQuery } from "./use-list-query";
import { formatNumber } from "@/lib/i18n/format";

// A page of a list: live items from the board rooms, and the page asked again when a room changes.
const LIST = { refresh: true, addLive: false } as const;

function LiveBadge({ live }: { live: boolean }) {
  const t = useT();
  return <p className={`sync-status sync-status--${live ? "saved" : "offline"} small`} data-testid="board-live" data-live={live}>{live ? t("actions.live") : t("actions.connecting")}</p>;
}

/** A group's board: a page of its items, live, in three views (list, board, table), a form for new ones (when `canCreate`), and the responsibility matrix of the page's items. */
export function GroupBoard({ forum, groupId, list, viewer, today, canCreate, choices, members, allGroups, recommendations, savedViews }: {
  forum: string; groupId: string; list: ActionListProps; viewer: ActorStanding; today: string; canCreate: boolean; choices: Choices;
  members: { id: string; name: string }[]; allGroups: { id: string; name: string }[];
  recommendations: { id: string; title: string; raci: PresentedAction["raci"]; abilities: { setRaci: boolean } }[];
  savedViews: PresentedSavedView[];
}) {
  const { items, live } = useBoards([groupId], list.items, viewer, [], LIST);
  const sorted = items;
  return (
    <>
      <LiveBadge live={live} />
      <ActionViews
        forum={forum} scope={`group:${groupId}`} items={items} list={list} groups={allGroups} today={today} choices={choices} savedViews={savedViews}
        aside={canCreate ? <ActionCreateForm forum={forum} groupId={groupId} choices={choices} /> : null}
      />
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

/** "Mine tiltak": items the user owns, is Accountable or Responsible for (in person or through a group), across the forum, overdue first, live, a page at a time. */
export function MyActions({ forum, viewer, groupIds, list, today, choices }: {
  forum: string; viewer: ActorStanding; groupIds: string[]; list: ActionListProps; today: string; choices: Choices;
}) {
  const t = useT();
  const { query, href } = useListQuery();
  const { items, live } = useBoards(groupIds, list.items, viewer, [], LIST);
  const mine = items.filter((i) => myRoles(viewer, i).length > 0);
  const roleText = (r: MyRole) => {
    const name = r.role === "owner" ? t("actions.roleOwner") : r.role === "A" ? t("actions.roleA") : t("actions.roleR");
    return r.via ? t("actions.roleViaGroup", { role: name, group: r.via }) : name;
  };
  return (
    <>
      <LiveBadge live={live} />
      <ListPager total={list.total} page={list.page} pageCount={list.pageCount} pageSize={list.pageSize} closedCount={list.closedCount}
        closedShown={Boolean(query.closed)} href={(patch) => href(patch)} />
      {mine.length === 0 ? <p className="empty">{t("actions.mineEmpty")}</p> : null}
      <ul className="action-list" aria-label={t("actions.mine")}>
        {mine.map((i) => (
          <ActionCard key={i.id} item={i} forum={forum} today={today} choices={choices} showGroup myRole={myRoles(viewer, i).map(roleText).join(", ")} />
        ))}
      </ul>
    </>
  );
}

/** The project leader's overview across all groups: counts (from SQL), then a page of the list in three views with filters, saved views, bulk changes and CSV. */
export function ActionOverview({ forum, groups, list, counts: byGroup, viewer, today, choices, savedViews }: {
  forum: string; groups: { id: string; name: string }[]; list: ActionListProps; viewer: ActorStanding; today: string; choices: Choices;
  counts: { groupId: string; byStatus: Record<(typeof ACTION_STATUSES)[number], number>; overdue: number }[];
  savedViews: PresentedSavedView[];
}) {
  const t = useT();
  const locale = useLocale();
  const num = (n: number) => formatNumber(n, locale);
  const { items, live } = useBoards(groups.map((g) => g.id), list.items, viewer, [], LIST);
  const counts = groups.map((g) => {
    const c = byGroup.find((x) => x.groupId === g.id);
    return { group: g, byStatus: ACTION_STATUSES.map((s) => c?.byStatus[s] ?? 0), overdue: c?.overdue ?? 0 };
  });

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
              {counts.map(({ group, byStatus, overdue }) => (
                <tr key={group.id}>
                  <th scope="row">{group.name}</th>
                  {byStatus.map((n, k) => (
                    <td key={k}>{num(n)}</td>
                  ))}
                  <td>{num(overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <ActionViews forum={forum} scope="overview" items={items} list={list} groups={groups} today={today} choices={choices} savedViews={savedViews} />
    </>
  );
}
