"use client";

import { useState } from "react";
import type { ActorStanding } from "@/lib/policies/actor";
import type { SteeringFacts, VoteChoice } from "@/lib/policies/approval";
import { presentApproval, type ApprovalView, type PresentedApproval } from "@/lib/presenters/approval";
import { decisionRecordAbilities } from "@/lib/policies/decision-record";
import { api, decisionRecords } from "@/lib/urls";
import { closeSchema, COVER_NOTE_MAX, OUTCOMES, REASON_MAX, STATEMENT_MAX, submitSchema, VOTE_CHOICES, voteSchema } from "@/lib/validation/approval";
import { useBoards } from "../board/use-boards";
import { useLocale, useT } from "../i18n-provider";
import { SelectField, TextArea, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { formatDay, formatTimestamp } from "@/lib/i18n/format";

export interface ApprovedVersionView {
  number: number;
  sha256: string;
  decidedAt: string | null;
  html: string;
  /** The live draft's text differs from the approved version's. */
  changedSince: boolean;
  /** The approved version with the draft's later changes marked (our own renderer's HTML), when it changed. */
  diffHtml: string | null;
}

/**
 * A recommendation's way through the steering group: the approved version (frozen, with its hash),
 * the open request with its live votes, the viewer's vote, the closer's form, and the submit form.
 * Every control is there only when the request's abilities allow it.
 */
export function ApprovalPanel({ forum, documentId, groupId, viewer, steering, initial, maySubmit, approved }: {
  forum: string; documentId: string; groupId: string; viewer: ActorStanding; steering: SteeringFacts;
  initial: ApprovalView[]; maySubmit: boolean; approved: ApprovedVersionView | null;
}) {
  const t = useT();
  const locale = useLocale();
  const { approvals, live } = useBoards([groupId], [], viewer, initial);
  const mine = approvals.filter((a) => a.documentId === documentId).map((a) => presentApproval(viewer, steering, a));
  const open = mine.find((a) => a.status === "OPEN") ?? null;
  const decided = mine.filter((a) => a.status !== "OPEN").sort((a, b) => (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""));

  return (
    <section aria-labelledby="approval-title" className="card stack approval-panel" data-testid="approval-panel">
      <h2 id="approval-title">{t("approval.title")}</h2>
      <p className={`sync-status sync-status--${live ? "saved" : "offline"} small`} data-testid="approval-live" data-live={live}>{live ? t("approval.live") : t("actions.connecting")}</p>
      {approved ? (
        <div className="approved-version" data-testid="approved-version">
          <h3>{t("approval.approvedVersion")}</h3>
          <p className="small">
            {t("approval.approvedVersionMeta", { number: approved.number, date: approved.decidedAt ? formatTimestamp(approved.decidedAt, locale) : "" })}
          </p>
          <p className="small hash">
            {t("approval.hash")}: <code data-testid="approved-hash">{approved.sha256}</code>
          </p>
          <p className={approved.changedSince ? "notice notice--warn small" : "small muted"} data-testid="changed-since">
            {approved.changedSince ? t("approval.changedSinceApproval") : t("approval.unchangedSinceApproval")}
          </p>
          {approved.diffHtml ? (
            <details data-testid="approval-diff">
              <summary>{t("approval.showDiff")}</summary>
              <div className="prose frozen-text version-diff" dangerouslySetInnerHTML={{ __html: approved.diffHtml }} />
            </details>
          ) : null}
          <details>
            <summary>{t("approval.showText")}</summary>
            {/* Our own renderer's HTML of the frozen version (lib/editor/render.ts), never user markup. */}
            <div className="prose frozen-text" dangerouslySetInnerHTML={{ __html: approved.html }} />
          </details>
        </div>
      ) : null}
      {open ? <OpenRequest forum={forum} request={open} steeringSize={steering.memberIds.length} /> : null}
      {!open && maySubmit ? <SubmitForm forum={forum} documentId={documentId} /> : null}
      {decided.length ? (
        <div>
          <h3>{t("approval.history")}</h3>
          <ul className="plain-list">
            {decided.slice(0, 5).map((a) => (
              <li key={a.id} data-testid="decided-request">
                <strong>{t(`approval.outcomes.${a.status as "APPROVED"}`)}</strong> – {t("approval.versionLabel", { number: a.version.number })}
                {a.decidedAt ? `, ${formatTimestamp(a.decidedAt, locale)}` : ""}
                {a.outcomeStatement ? <span className="block small">{a.outcomeStatement}</span> : null}
                {decisionRecordAbilities(viewer, a).read ? (
                  <span className="block small">
                    {t("approval.record")}: <a href={decisionRecords.pdf(forum, a.id)} download aria-label={t("approval.recordPdf")}>PDF</a> · <a href={decisionRecords.markdown(forum, a.id)} download aria-label={t("approval.recordMd")}>Markdown</a>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function OpenRequest({ forum, request, steeringSize }: { forum: string; request: PresentedApproval; steeringSize: number }) {
  const t = useT();
  const locale = useLocale();
  const v = request.verdict.tally;
  return (
    <div className="open-request stack" data-testid="open-request">
      <h3>{t("approval.openRequest", { number: request.version.number })}</h3>
      <p className="small">
        {t("approval.requestedBy", { name: request.requestedBy.name, date: formatTimestamp(request.createdAt, locale) })}
        {request.wishedDecisionDate ? <span className="block">{t("approval.wishedBy", { date: formatDay(request.wishedDecisionDate, locale, "long") })}</span> : null}
      </p>
      {request.coverNote ? <p className="cover-note">{request.coverNote}</p> : null}
      <h4>{t("approval.votes")}</h4>
      {request.votes.length === 0 ? <p className="empty">{t("approval.noVotes")}</p> : null}
      <ul className="plain-list votes" aria-live="polite" data-testid="votes">
        {request.votes.map((vote) => (
          <li key={vote.userId} data-testid="vote">
            <strong>{vote.name}</strong>: {t(`approval.choice.${vote.choice}`)}
            {vote.reason ? <span className="block small">{vote.reason}</span> : null}
          </li>
        ))}
      </ul>
      <p className="small" data-testid="tally">
        {t("approval.tallyLine", { approve: v.approve, object: v.object, block: v.block, abstain: v.abstain, cast: v.cast, members: steeringSize })}
      </p>
      <p className="small muted">
        {t("approval.rulesLine", { quorum: request.parsedRule.quorum, majority: request.parsedRule.majority })} {request.parsedRule.blockStops ? t("approval.rulesBlock") : null}
      </p>
      {request.abilities.vote ? <VoteForm forum={forum} request={request} /> : null}
      {request.abilities.close ? <CloseForm forum={forum} request={request} /> : null}
    </div>
  );
}

function VoteForm({ forum, request }: { forum: string; request: PresentedApproval }) {
  const t = useT();
  const m = useMutation();
  const [choice, setChoice] = useState<VoteChoice | "">(request.myVote?.choice ?? "");
  const [reason, setReason] = useState(request.myVote?.reason ?? "");
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await m.run({ url: api.vote(forum, request.id), method: "PUT", body: { choice, reason }, schema: voteSchema, success: t("approval.voted"), refresh: false });
  }
  return (
    <form onSubmit={submit} noValidate className="stack vote-form" aria-labelledby={`vote-${request.id}`}>
      <h4 id={`vote-${request.id}`}>{t("approval.yourVote")}</h4>
      <p className="small">{request.myVote ? t("approval.youVoted", { choice: t(`approval.choice.${request.myVote.choice}`) }) : t("approval.notVoted")}</p>
      <FormStatus error={m.error} success={m.success} />
      <fieldset className="radio-group">
        <legend className="visually-hidden">{t("approval.yourVote")}</legend>
        {VOTE_CHOICES.map((c) => (
          <label key={c} className="checkbox">
            <input type="radio" name={`choice-${request.id}`} value={c} checked={choice === c} onChange={() => setChoice(c)} />
            {t(`approval.choice.${c}`)}
          </label>
        ))}
        {m.fieldErrors.choice ? <p className="field__error">{m.fieldErrors.choice}</p> : null}
      </fieldset>
      <TextArea label={t("approval.reason")} hint={t("approval.reasonHint")} name={`reason-${request.id}`} rows={2} maxLength={REASON_MAX}
        value={reason} onChange={(e) => setReason(e.target.value)} error={m.fieldErrors.reason} />
      <button type="submit" className="button button--primary" disabled={m.pending || !choice}>
        {request.myVote ? t("approval.changeVote") : t("approval.castVote")}
      </button>
    </form>
  );
}

function CloseForm({ forum, request }: { forum: string; request: PresentedApproval }) {
  const t = useT();
  const m = useMutation();
  // Until the closer picks one, the form proposes what the votes say (and follows them live).
  const [picked, setOutcome] = useState<string | null>(null);
  const outcome = picked ?? (request.verdict.approves ? "APPROVED" : "CHANGES_REQUESTED");
  const [statement, setStatement] = useState("");
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await m.run({ url: api.closeApproval(forum, request.id), method: "POST", body: { outcome, statement }, schema: closeSchema, success: t("approval.closed") });
  }
  return (
    <form onSubmit={submit} noValidate className="stack close-form" aria-labelledby={`close-${request.id}`}>
      <h4 id={`close-${request.id}`}>{t("approval.closeTitle")}</h4>
      <FormStatus error={m.error} success={m.success} />
      <SelectField label={t("approval.outcome")} name={`outcome-${request.id}`} value={outcome} onChange={(e) => setOutcome(e.target.value)}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`approval.outcomes.${o}`) }))} error={m.fieldErrors.outcome} />
      <TextArea label={t("approval.statement")} hint={t("approval.statementHint")} name={`statement-${request.id}`} rows={3} maxLength={STATEMENT_MAX} required
        value={statement} onChange={(e) => setStatement(e.target.value)} error={m.fieldErrors.statement} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {t("approval.close")}
      </button>
    </form>
  );
}

function SubmitForm({ forum, documentId }: { forum: string; documentId: string }) {
  const t = useT();
  const m = useMutation();
  const [coverNote, setCoverNote] = useState("");
  const [wished, setWished] = useState("");
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await m.run({
      url: api.submitApproval(forum, documentId), method: "POST", body: { coverNote, wishedDecisionDate: wished || null }, schema: submitSchema, success: t("approval.submitted"),
    });
  }
  return (
    <form onSubmit={submit} noValidate className="stack submit-form" aria-labelledby="submit-approval">
      <h3 id="submit-approval">{t("approval.submitTitle")}</h3>
      <p className="small muted">{t("approval.submitIntro")}</p>
      <FormStatus error={m.error} success={m.success} />
      <TextArea label={t("approval.coverNote")} hint={t("approval.coverNoteHint")} name="coverNote" rows={3} maxLength={COVER_NOTE_MAX}
        value={coverNote} onChange={(e) => setCoverNote(e.target.value)} error={m.fieldErrors.coverNote} />
      <TextField label={t("approval.wishedDate")} name="wishedDecisionDate" type="date" value={wished} onChange={(e) => setWished(e.target.value)} error={m.fieldErrors.wishedDecisionDate} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("approval.submit")}
      </button>
    </form>
  );
}
