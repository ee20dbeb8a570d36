"use client";

import type { ActorStanding } from "@/lib/policies/actor";
import type { PresentedAction } from "@/lib/presenters/action";
import { ActionThreads } from "../comments/action-threads";
import { ActionCard } from "./action-card";
import type { Choices } from "./action-form";
import { useBoards } from "./use-boards";

/** One action on its own page, live from its group's board, with the conversations about it. */
export function ActionDetail({ forum, initial, viewer, today, choices, children }: {
  forum: string; initial: PresentedAction; viewer: ActorStanding; today: string; choices: Choices;
  /** More about the action, beside its card (e.g. the needs it answers). */
  children?: React.ReactNode;
}) {
  const { items } = useBoards([initial.groupId], [initial], viewer);
  const item = items.find((i) => i.id === initial.id) ?? initial;
  return (
    <div className="action-detail">
      <div className="stack">
        <ul className="card-list">
          <ActionCard item={item} forum={forum} today={today} choices={choices} detail />
        </ul>
        {children}
      </div>
      <ActionThreads forum={forum} actionId={item.id} lastAt={item.comments.lastAt} />
    </div>
  );
}
