"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { ActorStanding } from "@/lib/policies/actor";
import type { PresentedAction } from "@/lib/presenters/action";
import { ActionThreads } from "../comments/action-threads";
import { ActionCard } from "./action-card";
import { ActionDescription } from "./action-description";
import type { Choices } from "./action-form";
import { useBoards } from "./use-boards";

/** One action on its own page, live from its group's board, with its description, the conversations about it and its history. */
export function ActionDetail({ forum, initial, viewer, today, choices, children, history }: {
  forum: string; initial: PresentedAction; viewer: ActorStanding; today: string; choices: Choices;
  /** More about the action, beside its card (e.g. the needs it answers). */
  children?: React.ReactNode;
  /** The server-rendered history; read again whenever the item or its conversations change. */
  history?: React.ReactNode;
}) {
  const { items } = useBoards([initial.groupId], [initial], viewer, [], { refresh: true });
  const item = items.find((i) => i.id === initial.id) ?? initial;
  const router = useRouter();
  const seen = useRef(`${initial.version}|${initial.comments.lastAt}`);
  useEffect(() => {
    const now = `${item.version}|${item.comments.lastAt}`;
    if (now === seen.current) return;
    seen.current = now;
    router.refresh();
  }, [item.version, item.comments.lastAt, router]);
  return (
    <div className="action-detail">
      <div className="stack">
        <ul className="card-list">
          <ActionCard item={item} forum={forum} today={today} choices={choices} detail />
        </ul>
        <ActionDescription forum={forum} item={item} />
        {children}
        {history}
      </div>
      <ActionThreads forum={forum} actionId={item.id} lastAt={item.comments.lastAt} />
    </div>
  );
}
