"use client";

import {
  DndContext, DragOverlay, KeyboardCode, KeyboardSensor, MouseSensor, pointerWithin, rectIntersection, TouchSensor, useDraggable, useDroppable, useSensor, useSensors,
  type CollisionDetection, type DragEndEvent, type DragStartEvent, type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import type { PresentedAction } from "@/lib/presenters/action";
import { sortForWork } from "@/lib/services/action-filters";
import { isOverdue } from "@/lib/time/oslo";
import { api, pages } from "@/lib/urls";
import { ACTION_STATUSES } from "@/lib/validation/action";
import { useLocale, useT } from "../i18n-provider";
import { formatDay } from "@/lib/i18n/format";

type Status = (typeof ACTION_STATUSES)[number];
type DragData = { status: Status; title: string };

const NEXT = [KeyboardCode.Right, KeyboardCode.Down] as string[];
const PREVIOUS = [KeyboardCode.Left, KeyboardCode.Up] as string[];

/** Arrow keys move a picked-up card one status column at a time (right/down: next, left/up: previous). */
const columnByColumn: KeyboardCoordinateGetter = (event, { active, context, currentCoordinates }) => {
  const step = NEXT.includes(event.code) ? 1 : PREVIOUS.includes(event.code) ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const from = (context.over?.id as Status | undefined) ?? (context.active?.data.current as DragData | undefined)?.status;
  const index = from ? ACTION_STATUSES.indexOf(from) : -1;
  const target = ACTION_STATUSES[Math.min(ACTION_STATUSES.length - 1, Math.max(0, index + step))]!;
  const rect = context.droppableRects.get(target);
  const card = context.collisionRect;
  if (!rect || !card || active === undefined) return currentCoordinates;
  return { x: rect.left + Math.max(0, (rect.width - card.width) / 2), y: rect.top + Math.min(48, Math.max(0, rect.height - card.height) / 2) };
};

// Mouse and touch: the column under the pointer. Keyboard (no pointer): the column the card overlaps most.
const collision: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

/**
 * The board view: one column per status; a card is moved to another status by dragging it (mouse,
 * touch after a short press, or keyboard: Space/Enter to pick up, arrows, Space/Enter to drop,
 * Escape to cancel), announced in the reader's language. A drop is the ordinary status change
 * (PATCH with the card's version): the card moves at once and goes back if the server refuses
 * (a 409 says someone changed it meanwhile). Cards the viewer may not move have no handle.
 */
export function StatusBoard({ forum, items, today, showGroup }: { forum: string; items: PresentedAction[]; today: string; showGroup?: boolean }) {
  const t = useT();
  const [moves, setMoves] = useState<Record<string, { status: Status; baseVersion: number }>>({});
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState<PresentedAction | null>(null);
  const focusId = useRef<string | null>(null);
  // The column last announced: moving over the card's own column at pick-up is not news.
  const lastOver = useRef<unknown>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A short press before a touch drag, so a swipe still scrolls the columns.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn, scrollBehavior: "auto" }),
  );

  // A move shows until the live board brings the item's next version (or the server refuses it).
  const shown = useMemo(
    () => items.map((i) => (moves[i.id] && moves[i.id]!.baseVersion === i.version ? { ...i, status: moves[i.id]!.status } : i)),
    [items, moves],
  );
  const columns = useMemo(() => ACTION_STATUSES.map((s) => ({ status: s, items: sortForWork(shown.filter((i) => i.status === s), today) })), [shown, today]);

  // Keyboard users keep their place: the moved card's handle gets focus in its new column.
  useEffect(() => {
    if (!focusId.current) return;
    const handle = document.getElementById(`move-${focusId.current}`);
    if (handle && handle !== document.activeElement) handle.focus();
    focusId.current = null;
  }, [columns]);

  const statusName = (s: unknown) => t(`actionStatus.${s as Status}`);
  const titleOf = (data: unknown) => (data as DragData | undefined)?.title ?? "";
  const statusOf = (data: unknown) => (data as DragData | undefined)?.status;

  async function move(item: PresentedAction, status: Status) {
    setError(null);
    setMoves((m) => ({ ...m, [item.id]: { status, baseVersion: item.version } }));
    let res: Response | null = null;
    try {
      res = await fetch(api.action(forum, item.id), { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ status, version: item.version }) });
    } catch {
      res = null;
    }
    if (res?.ok) return;
    const body = (await res?.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    setMoves((m) => {
      const next = { ...m };
      delete next[item.id];
      return next;
    });
    setError(body?.error?.code === "stale"
      ? t("views.moveStale", { title: item.title })
      : t("views.moveFailed", { title: item.title, message: body?.error?.message ?? t("errors.network") }));
  }

  function onDragStart(e: DragStartEvent) {
    setDragging(shown.find((i) => i.id === e.active.id) ?? null);
  }

  function onDragEnd(e: DragEndEvent) {
    setDragging(null);
    const item = shown.find((i) => i.id === e.active.id);
    const to = e.over?.id as Status | undefined;
    if (!item || !to || to === item.status) return;
    const original = items.find((i) => i.id === item.id) ?? item;
    void move(original, to);
    focusId.current = item.id;
  }

  return (
    <DndContext
      id="status-board"
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{
        screenReaderInstructions: { draggable: t("views.instructions") },
        announcements: {
          onDragStart: ({ active }) => {
            lastOver.current = statusOf(active.data.current);
            return t("views.dragStart", { title: titleOf(active.data.current), status: statusName(statusOf(active.data.current)) });
          },
          onDragOver: ({ active, over }) => {
            if ((over?.id ?? null) === lastOver.current) return undefined;
            lastOver.current = over?.id ?? null;
            return over ? t("views.dragOver", { title: titleOf(active.data.current), status: statusName(over.id) }) : t("views.dragOverNone", { title: titleOf(active.data.current) });
          },
          onDragEnd: ({ active, over }) =>
            over && over.id !== statusOf(active.data.current)
              ? t("views.dropMoved", { title: titleOf(active.data.current), status: statusName(over.id) })
              : t("views.dropSame", { title: titleOf(active.data.current), status: statusName(statusOf(active.data.current)) }),
          onDragCancel: ({ active }) => t("views.dragCancel", { title: titleOf(active.data.current), status: statusName(statusOf(active.data.current)) }),
        },
      }}
    >
      {error ? <p className="notice notice--error" role="alert" data-testid="board-error">{error}</p> : null}
      <div className="status-board" role="group" aria-label={t("views.boardLabel")} data-testid="status-board" tabIndex={0}>
        {columns.map((c) => (
          <Column key={c.status} status={c.status} count={c.items.length}>
            {c.items.map((i) => (
              <BoardCard key={i.id} item={i} forum={forum} today={today} showGroup={showGroup} />
            ))}
          </Column>
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{dragging ? <CardBody item={dragging} today={today} showGroup={showGroup} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}

function Column({ status, count, children }: { status: Status; count: number; children: React.ReactNode }) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const titleId = `column-${status.toLowerCase()}`;
  return (
    <section ref={setNodeRef} className={`status-column status-column--${status.toLowerCase()}${isOver ? " status-column--over" : ""}`} aria-labelledby={titleId} data-testid={`column-${status}`}>
      <h3 id={titleId} className="status-column__title">
        {t(`actionStatus.${status}`)} <span className="status-column__count">{t("views.columnCount", { count })}</span>
      </h3>
      {count === 0 ? <p className="status-column__empty">{t("views.columnEmpty")}</p> : <ul className="status-column__list">{children}</ul>}
    </section>
  );
}

function BoardCard({ item, forum, today, showGroup }: { item: PresentedAction; forum: string; today: string; showGroup?: boolean }) {
  const t = useT();
  const movable = item.abilities.changeStatus;
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: item.id,
    data: { status: item.status, title: item.title } satisfies DragData,
    disabled: !movable,
    attributes: { roleDescription: t("views.draggable") },
  });
  return (
    <li ref={setNodeRef} className={`board-card${isDragging ? " board-card--dragging" : ""}${movable ? " board-card--movable" : ""}`} data-testid="board-card" data-id={item.id} {...(movable ? listeners : {})}>
      <CardBody item={item} today={today} showGroup={showGroup} forum={forum} />
      {movable ? (
        <button type="button" id={`move-${item.id}`} ref={setActivatorNodeRef} className="board-card__handle" {...attributes}
          aria-label={t("views.moveHandle", { title: item.title, status: t(`actionStatus.${item.status}`) })}>
          <span aria-hidden="true">⠿</span>
        </button>
      ) : null}
    </li>
  );
}

function CardBody({ item, today, showGroup, forum, overlay }: { item: PresentedAction; today: string; showGroup?: boolean; forum?: string; overlay?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const overdue = isOverdue(item, today);
  return (
    <div className={`board-card__body${overlay ? " board-card__body--overlay" : ""}${overdue ? " board-card__body--overdue" : ""}`}>
      <p className="board-card__title">{forum ? <Link href={pages.actionDetail(forum, item.groupId, item.id)}>{item.title}</Link> : item.title}</p>
      <p className="board-card__meta">
        <span>{item.owner?.name ?? t("actions.noOwner")}</span>
        {item.dueDate ? (
          <span className={overdue ? "overdue" : undefined}>
            <time dateTime={item.dueDate}>{formatDay(item.dueDate, locale)}</time>
            {overdue ? ` – ${t("actions.overdue")}` : ""}
          </span>
        ) : null}
        {showGroup ? <span>{item.groupName}</span> : null}
      </p>
    </div>
  );
}
