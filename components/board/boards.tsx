"use client";

import type { ActorStanding } from "@/lib/policies/actor";
import { myRoles, type MyRole, type PresentedAction } from "@/lib/presenters/action";
import type { PresentedSavedView } from "@/lib/presenters/saved-view";
import { api } from "@/lib/urls";
import { ACTION_STATUSES } from "@/lib/validation/action";
import { sortForWork } from "@/lib/services/action-filters";
import { isOverdue } from "@/lib/time/oslo";
import { useT } from "../i18n-provider";
import { ActionCard } from "./action-card";
import { ActionCreateForm, type Choices } from "./action-form";
import { ActionViews } from "./action-views";
import { RaciMatrix, type RaciColumn } from "./raci-matrix";
import { useBoards } from "./use-boards";

function LiveBadge({ live }: { live: boolean }) {
  const t = useT();
  return <p className={`sync-status sync-status--${live ? "saved" : "offline"} small`} data-testid="board-live" data-live={live}>{live ? t("actions.live") : t("actions.connecting")}</p>;
}

/** A group's board: its items live in three views (list, board, table), a form for new ones (when `canCreate`), and the responsibility matrix. */
export function GroupBoard({ forum, groupId, initial, viewer, today, canCreate, choices, members, allGroups, recommendations, savedViews }: {
  forum: string; groupId: string; initial: PresentedAction[]; viewer: ActorStanding; today: string; canCreate: boolean; choices: Choices;
  members: { id: string; name: string }[]; allGroups: { id: string; name: string }[];
  recommendations: { id: string; title: string; raci: PresentedAction["raci"]; abilities: { setRaci: boolean } }[];
  savedViews: PresentedSavedView[];
}) {
  const { items, live } = useBoards([groupId], initial, viewer);
  const sorted = sortForWork(items, today);
  return (
    <>
      <LiveBadge live={live} />
      <ActionViews
        forum={forum} scope={`group:${groupId}`} items={items} groups={allGroups} today={today} choices={choices} savedViews={savedViews}
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

/** The project leader's overview across all groups: counts, then the list in three views with filters, saved views, bulk changes and CSV. */
export function ActionOverview({ forum, groups, initial, viewer, today, choices, savedViews }: {
  forum: string; groups: { id: string; name: string }[]; initial: PresentedAction[]; viewer: ActorStanding; today: string; choices: Choices;
  savedViews: PresentedSavedView[];
}) {
  const t = useT();
  const { items, live } = useBoards(groups.map((g) => g.id), initial, viewer);
  const counts = groups.map((g) => ({ group: g, byStatus: ACTION_STATUSES.map((s) => items.filter((i) => i.groupId === g.id && i.status === s).length) }));

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
      <ActionViews forum={forum} scope="overview" items={items} groups={groups} today={today} choices={choices} savedViews={savedViews} />
    </>
  );
}
