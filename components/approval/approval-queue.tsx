"use client";

import Link from "next/link";
import type { ActorStanding } from "@/lib/policies/actor";
import { isSteeringMember, type SteeringFacts } from "@/lib/policies/approval";
import { presentApproval, type ApprovalView } from "@/lib/presenters/approval";
import { pages } from "@/lib/urls";
import { useBoards } from "../board/use-boards";
import { useLocale, useT } from "../i18n-provider";
import { formatDay } from "@/lib/i18n/format";

/** The steering group's queue: open requests across every group, live, with the viewer's own vote. */
export function ApprovalQueue({ forum, groups, viewer, steering, initial, diffs }: {
  forum: string; groups: { id: string; name: string }[]; viewer: ActorStanding; steering: SteeringFacts; initial: ApprovalView[];
  /** Request id → the submitted version against the last approved one, marked (our renderer's HTML). */
  diffs: Record<string, string>;
}) {
  const t = useT();
  const locale = useLocale();
  const { approvals, live } = useBoards(groups.map((g) => g.id), [], viewer, initial);
  const open = approvals
    .filter((a) => a.status === "OPEN")
    .map((a) => presentApproval(viewer, steering, a))
    .sort((a, b) => (a.wishedDecisionDate ?? "9999").localeCompare(b.wishedDecisionDate ?? "9999"));
  const votes = isSteeringMember(viewer, steering);
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? "";
  return (
    <section aria-labelledby="queue-title" className="section">
      <h2 id="queue-title">{t("approval.waiting")}</h2>
      <p className={`sync-status sync-status--${live ? "saved" : "offline"} small`} data-testid="queue-live" data-live={live}>{live ? t("approval.live") : t("actions.connecting")}</p>
      {open.length === 0 ? <p className="empty">{t("approval.queueEmpty")}</p> : null}
      <ul className="action-list" data-testid="queue">
        {open.map((a) => (
          <li key={a.id} className="card" data-testid="queue-item">
            <h3 className="card__title">
              <Link href={pages.document(forum, a.groupId, a.documentId)}>{a.documentTitle}</Link>
            </h3>
            <dl className="meta-dl">
              <div>
                <dt>{t("approval.group")}</dt>
                <dd>{groupName(a.groupId)}</dd>
              </div>
              <div>
                <dt>{t("approval.versionLabel", { number: a.version.number })}</dt>
                <dd>{t("approval.requestedBy", { name: a.requestedBy.name, date: formatDay(a.createdAt.slice(0, 10), locale) })}</dd>
              </div>
              {a.wishedDecisionDate ? (
                <div>
                  <dt>{t("approval.wished")}</dt>
                  <dd>{formatDay(a.wishedDecisionDate, locale)}</dd>
                </div>
              ) : null}
              {votes ? (
                <div>
                  <dt>{t("approval.yourVote")}</dt>
                  <dd data-testid="my-vote">{a.myVote ? t(`approval.choice.${a.myVote.choice}`) : <span className="warn-text">{t("approval.notVoted")}</span>}</dd>
                </div>
              ) : null}
            </dl>
            <p className="small">
              {t("approval.tallyLine", { ...a.verdict.tally, members: steering.memberIds.length })}
            </p>
            {diffs[a.id] ? (
              <details data-testid="queue-diff">
                <summary>{t("approval.diffAgainstApproved")}</summary>
                <div className="prose frozen-text version-diff" dangerouslySetInnerHTML={{ __html: diffs[a.id]! }} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
