"use client";

import Link from "next/link";
import { useState } from "react";
import type { PresentedAction } from "@/lib/presenters/action";
import { api, pages } from "@/lib/urls";
import { isOpen, isOverdue } from "@/lib/time/oslo";
import { useLocale, useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { ActionEditForm, type Choices } from "./action-form";
import { formatDay } from "@/lib/i18n/format";

/**
 * One action item: what, who, when, how it stands. The controls are exactly what the item's
 * abilities say the viewer may do: close/reopen with `changeStatus`, the edit form with `update`.
 */
export function ActionCard({ item, forum, today, choices, showGroup, detail, myRole }: {
  item: PresentedAction; forum: string; today: string; choices: Choices; showGroup?: boolean;
  /** On the action's own page: the page's heading names it (and the description has its own section), so the card does not. */
  detail?: boolean;
  /** The viewer's part in it, in words ("Mine tiltak"). */
  myRole?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const m = useMutation();
  const [editing, setEditing] = useState(false);
  const overdue = isOverdue(item, today);
  const accountable = item.raci.find((r) => r.role === "A");

  async function setStatus(status: string) {
    await m.run({ url: api.action(forum, item.id), method: "PATCH", body: { status, version: item.version }, refresh: false });
  }

  return (
    <li className={`card action-card action-card--${item.status.toLowerCase()}${overdue ? " action-card--overdue" : ""}`} id={`action-${item.id}`} data-testid="action-card">
      <div className="action-card__head">
        {detail ? null : (
          <h3 className="card__title">
            <Link href={pages.actionDetail(forum, item.groupId, item.id)}>{item.title}</Link>
          </h3>
        )}
        <span className={`badge status-badge status-badge--${item.status.toLowerCase()}`}>{t(`actionStatus.${item.status}`)}</span>
      </div>
      {item.description && !detail ? <p className="action-card__description">{item.description}</p> : null}
      <dl className="meta-dl">
        {showGroup ? (
          <div>
            <dt>{t("actions.group")}</dt>
            <dd>
              <Link href={pages.groupActions(forum, item.groupId)}>{item.groupName}</Link>
            </dd>
          </div>
        ) : null}
        {myRole ? (
          <div>
            <dt>{t("actions.yourRole")}</dt>
            <dd data-testid="my-role">{myRole}</dd>
          </div>
        ) : null}
        <div>
          {/* One model: the owner IS the Accountable person (a whole group as A leaves it without an owner). */}
          <dt>{t("actions.ownerAccountable")}</dt>
          <dd data-testid="owner">
            {item.owner?.name ?? (accountable?.group ? t("actions.groupAccountable", { group: accountable.group.name }) : <span className="warn-text">{t("actions.missingAccountable")}</span>)}
          </dd>
        </div>
        {item.dueDate ? (
          <div>
            <dt>{t("actions.due")}</dt>
            <dd className={overdue ? "overdue" : undefined}>
              <time dateTime={item.dueDate}>{formatDay(item.dueDate, locale)}</time>
              {overdue ? ` – ${t("actions.overdue")}` : ""}
            </dd>
          </div>
        ) : null}
        {item.targetArea ? (
          <div>
            <dt>{t("actions.targetArea")}</dt>
            <dd>{item.targetArea.name}</dd>
          </div>
        ) : null}
      </dl>
      {!detail && item.comments.threads > 0 ? (
        <p className="small">
          <Link href={pages.actionDetail(forum, item.groupId, item.id)}>{t("actions.conversations", { count: item.comments.threads })}</Link>
        </p>
      ) : null}
      {item.anchor ? (
        item.anchor.missing ? (
          <p className="notice notice--warn small">{t("actions.anchorGone", { title: item.anchor.documentTitle })}</p>
        ) : (
          <p className="small">
            <Link href={pages.documentBlock(forum, item.anchor.groupId, item.anchor.documentId, item.anchor.blockId)}>
              {t("actions.anchorLink", { title: item.anchor.documentTitle })}
            </Link>
          </p>
        )
      ) : null}
      {item.abilities.changeStatus || item.abilities.update ? (
        <div className="button-row">
          {!item.abilities.changeStatus ? null : isOpen(item) ? (
            <button type="button" className="button button--secondary" disabled={m.pending} onClick={() => setStatus("DONE")} aria-label={t("actions.markDone", { title: item.title })}>
              {t("actions.markDoneShort")}
            </button>
          ) : (
            <button type="button" className="button button--secondary" disabled={m.pending} onClick={() => setStatus("OPEN")} aria-label={t("actions.reopen", { title: item.title })}>
              {t("actions.reopenShort")}
            </button>
          )}
          {item.abilities.update ? (
            <button type="button" className="button button--quiet" aria-expanded={editing} onClick={() => setEditing(!editing)} aria-label={t("actions.editTitle", { title: item.title })}>
              {t("actions.edit")}
            </button>
          ) : null}
        </div>
      ) : null}
      <FormStatus error={m.error} success={null} />
      {editing && item.abilities.update ? <ActionEditForm forum={forum} item={item} choices={choices} onClose={() => setEditing(false)} /> : null}
    </li>
  );
}
