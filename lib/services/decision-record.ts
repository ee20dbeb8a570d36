import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { getDecisionRecord, type DecisionRecord } from "../db/decision-records.ts";
import type { MessageKey, Translate } from "../i18n/index.ts";
import { decisionRecordAbilities, isDecided } from "../policies/decision-record.ts";
import { AppError } from "./errors.ts";
import { asciiSlug, md, mdCell as cell, openPdf, PDF_COLOR as COLOR } from "./pdf-layout.ts";

// Decision records of decided approval requests, as Markdown and as PDF. Both print the same
// things in the same order: metadata (with the version's SHA-256), the outcome, the frozen text,
// the votes and the request's audit trail. Labels come from the caller's translator.

/**
 * The record of a request for a member of the forum: 404 when the request is not in the forum,
 * 409 (with a readable message) while it is still open, 403 if the policy says no.
 */
export async function readableDecisionRecord(access: ForumAccess, requestId: string): Promise<DecisionRecord> {
  const record = await getDecisionRecord(db(), access.forum.id, requestId);
  if (!record) throw new AppError("not_found");
  if (!isDecided(record.request.status)) throw new AppError("conflict", "decisionRecord.notDecided");
  if (!decisionRecordAbilities(access, { status: record.request.status }).read) throw new AppError("forbidden");
  return record;
}

// ---------------------------------------------------------------------------------------------
// Shared wording

const OSLO_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** A moment in Norwegian time, numeric, in the translator's layout ("30.11.2026 kl. 14:05"). */
export function recordDateTime(date: Date, t: Translate): string {
  const parts = Object.fromEntries(OSLO_PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  return t("decisionRecord.dateTime", { day: parts.day!, month: parts.month!, year: parts.year!, time: `${parts.hour}:${parts.minute}` });
}

const lookup = (t: Translate, key: string, fallback: string) => {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
};

// Audit actions are dotted codes; the catalogue's keys cannot hold dots, so the words are mapped here.
const AUDIT_ACTION_KEYS: Record<string, MessageKey> = {
  "document.version": "decisionRecord.auditActions.documentVersion",
  "approval.submit": "decisionRecord.auditActions.approvalSubmit",
  "approval.vote": "decisionRecord.auditActions.approvalVote",
  "approval.vote.change": "decisionRecord.auditActions.approvalVoteChange",
  "approval.close": "decisionRecord.auditActions.approvalClose",
  "approval.withdraw": "decisionRecord.auditActions.approvalWithdraw",
};

/** An audit action in words (the code itself when it has no wording). */
export function auditActionText(action: string, t: Translate): string {
  const key = AUDIT_ACTION_KEYS[action];
  return key ? t(key) : action;
}

function ruleText(record: DecisionRecord, t: Translate): string {
  const { quorum, majority, blockStops, closer } = record.request.rule;
  const parts: string[] = [];
  if (quorum !== null) parts.push(t("decisionRecord.rule.quorum", { quorum }));
  if (majority !== null) parts.push(t("decisionRecord.rule.majority", { majority }));
  if (blockStops !== null) parts.push(t(blockStops ? "decisionRecord.rule.blockStops" : "decisionRecord.rule.blockDoesNotStop"));
  if (closer !== null) parts.push(t("decisionRecord.rule.closer", { closer: lookup(t, `decisionRecord.rule.closers.${closer}`, closer) }));
  if (parts.length === 0) return t("decisionRecord.unknown");
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

function versionText(record: DecisionRecord, t: Translate): string {
  const { number, name } = record.version;
  return name ? t("decisionRecord.meta.versionNamed", { number, name }) : t("decisionRecord.meta.versionNumber", { number });
}

function voteTime(vote: DecisionRecord["votes"][number], t: Translate): string {
  return vote.changed
    ? t("decisionRecord.votes.changed", { date: recordDateTime(vote.updatedAt, t), first: recordDateTime(vote.castAt, t) })
    : recordDateTime(vote.castAt, t);
}

/** The label/value rows of the metadata table, in print order. */
function metadataRows(record: DecisionRecord, t: Translate): { label: string; value: string; mono?: boolean }[] {
  const r = record.request;
  const rows: { label: string; value: string; mono?: boolean }[] = [
    { label: t("decisionRecord.meta.forum"), value: record.forum.name },
    { label: t("decisionRecord.meta.group"), value: record.group.name },
    { label: t("decisionRecord.meta.document"), value: record.document.title },
    {
      label: t("decisionRecord.meta.version"),
      value: `${versionText(record, t)}. ${t("decisionRecord.meta.frozen", { date: recordDateTime(record.version.createdAt, t), name: record.version.createdBy })}`,
    },
    { label: t("decisionRecord.meta.sha256"), value: record.version.sha256, mono: true },
    { label: t("decisionRecord.meta.submitted"), value: t("decisionRecord.meta.submittedBy", { date: recordDateTime(r.createdAt, t), name: r.requestedBy }) },
    { label: t("decisionRecord.meta.rule"), value: ruleText(record, t) },
    { label: t("decisionRecord.meta.outcome"), value: lookup(t, `decisionRecord.status.${r.status}`, r.status) },
    { label: t("decisionRecord.meta.decidedBy"), value: r.decidedBy ?? t("decisionRecord.unknown") },
    { label: t("decisionRecord.meta.decidedAt"), value: r.decidedAt ? recordDateTime(r.decidedAt, t) : t("decisionRecord.unknown") },
  ];
  if (r.coverNote.trim()) rows.push({ label: t("decisionRecord.meta.coverNote"), value: r.coverNote.trim() });
  return rows;
}

const textHeading = (record: DecisionRecord, t: Translate) =>
  t(record.request.status === "APPROVED" ? "decisionRecord.text.approved" : "decisionRecord.text.decided");

/** The frozen text's blocks (the stored plain text separates blocks with blank lines). */
function textBlocks(text: string): string[] {
  return text.split(/\n{2,}/).map((b) => b.trim()).filter((b) => b.length > 0);
}

/**
 * An ASCII file name for the record ("vedtaksprotokoll-kompetanseloft-for-helse-v3.pdf"): safe in a
 * quoted Content-Disposition on every platform, whatever the title holds.
 */
export function decisionRecordFilename(record: DecisionRecord, t: Translate, extension: "pdf" | "md"): string {
  const prefix = asciiSlug(t("decisionRecord.filePrefix")) || "record";
  const title = asciiSlug(record.document.title).slice(0, 60).replace(/-+$/g, "") || "document";
  return `${prefix}-${title}-v${record.version.number}.${extension}`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** The decision record as Markdown (CommonMark with GFM tables). */
export function decisionRecordMarkdown(record: DecisionRecord, t: Translate, opts: { now?: Date } = {}): string {
  const out: string[] = [];
  const r = record.request;
  out.push(`# ${md(t("decisionRecord.title"))}: ${md(record.document.title)}`, "");
  out.push(`*${md(t("decisionRecord.generated", { date: recordDateTime(opts.now ?? new Date(), t) }))}*`, "");

  out.push(`## ${md(t("decisionRecord.meta.heading"))}`, "");
  for (const row of metadataRows(record, t)) out.push(`- **${cell(row.label)}:** ${row.mono ? `\`${row.value}\`` : cell(row.value)}`);
  out.push("");

  out.push(`## ${md(t("decisionRecord.outcome.heading"))}`, "");
  out.push(`**${md(t("decisionRecord.meta.outcome"))}:** ${md(lookup(t, `decisionRecord.status.${r.status}`, r.status))}`, "");
  if (r.outcomeStatement.trim()) {
    for (const line of r.outcomeStatement.trim().split(/\n/)) out.push(`> ${md(line)}`);
  } else {
    out.push(`*${md(t("decisionRecord.outcome.noStatement"))}*`);
  }
  out.push("");

  out.push(`## ${md(textHeading(record, t))}`, "");
  const blocks = textBlocks(record.version.text);
  if (blocks.length === 0) out.push(`*${md(t("decisionRecord.text.empty"))}*`, "");
  for (const block of blocks) out.push(md(block).replace(/\n/g, "  \n"), "");

  out.push(`## ${md(t("decisionRecord.votes.heading"))}`, "");
  if (record.votes.length === 0) {
    out.push(`*${md(t("decisionRecord.votes.none"))}*`, "");
  } else {
    out.push(
      `| ${md(t("decisionRecord.votes.name"))} | ${md(t("decisionRecord.votes.choice"))} | ${md(t("decisionRecord.votes.reason"))} | ${md(t("decisionRecord.votes.at"))} |`,
      "|---|---|---|---|",
    );
    for (const v of record.votes) {
      out.push(`| ${cell(v.name)} | ${cell(lookup(t, `decisionRecord.choices.${v.choice}`, v.choice))} | ${cell(v.reason)} | ${cell(voteTime(v, t))} |`);
    }
    out.push("");
  }

  out.push(`## ${md(t("decisionRecord.audit.heading"))}`, "");
  if (record.audit.length === 0) out.push(`*${md(t("decisionRecord.audit.none"))}*`);
  for (const e of record.audit) {
    out.push(`- ${md(recordDateTime(e.at, t))} – ${md(auditActionText(e.action, t))} – ${md(e.actor ?? t("decisionRecord.audit.system"))}`);
  }
  out.push("");
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// PDF

const STATUS_COLOR: Record<string, string> = { APPROVED: "#2e7d32", CHANGES_REQUESTED: "#8a5a00", REJECTED: "#a4161a", WITHDRAWN: "#4b5866", OPEN: "#0b5a6b" };

/**
 * The decision record as an A4 PDF with DejaVu Sans embedded (subset), so æ, ø and å print and
 * copy right everywhere; "Side n av m" in every page's footer.
 */
export async function decisionRecordPdf(record: DecisionRecord, t: Translate, opts: { now?: Date; lang?: string } = {}): Promise<Buffer> {
  const page = openPdf({
    title: `${t("decisionRecord.title")}: ${record.document.title}`,
    subject: `${record.forum.name} – ${record.group.name}`,
    author: record.forum.name,
    lang: opts.lang ?? t("decisionRecord.lang"),
  });
  const { doc, left, width, ensure, heading, table } = page;
  // Title block.
  doc.font("Sans").fontSize(9.5).fillColor(COLOR.muted).text(`${record.forum.name} · ${record.group.name}`, left, doc.page.margins.top, { width });
  doc.moveDown(0.3);
  doc.font("Sans-Bold").fontSize(22).fillColor(COLOR.text).text(t("decisionRecord.title"), { width });
  doc.moveDown(0.15);
  doc.font("Sans").fontSize(13).fillColor(COLOR.text).text(t("decisionRecord.subtitle", { title: record.document.title }), { width });
  doc.moveDown(0.4);
  doc.font("Sans-Bold").fontSize(11).fillColor(STATUS_COLOR[record.request.status] ?? COLOR.text)
    .text(`${t("decisionRecord.meta.outcome")}: ${lookup(t, `decisionRecord.status.${record.request.status}`, record.request.status)}`, { width });
  doc.moveDown(0.2);
  doc.font("Sans-Oblique").fontSize(8.5).fillColor(COLOR.muted).text(t("decisionRecord.generated", { date: recordDateTime(opts.now ?? new Date(), t) }), { width });
  doc.fillColor(COLOR.text);

  // Metadata: label/value rows.
  heading(t("decisionRecord.meta.heading"));
  const labelWidth = 140;
  for (const row of metadataRows(record, t)) {
    const valueFont = row.mono ? "Mono" : "Sans";
    const valueSize = row.mono ? 8 : 9.5;
    doc.font("Sans-Bold").fontSize(9.5);
    const lh = doc.heightOfString(row.label, { width: labelWidth - 8 });
    doc.font(valueFont).fontSize(valueSize);
    const vh = doc.heightOfString(row.value, { width: width - labelWidth });
    const h = Math.max(lh, vh) + 8;
    ensure(h);
    const y = doc.y;
    doc.font("Sans-Bold").fontSize(9.5).fillColor(COLOR.muted).text(row.label, left, y + 4, { width: labelWidth - 8 });
    doc.font(valueFont).fontSize(valueSize).fillColor(COLOR.text).text(row.value, left + labelWidth, y + 4 + (row.mono ? 1 : 0), { width: width - labelWidth });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.x = left;
    doc.y = y + h;
  }

  // Outcome and its statement.
  heading(t("decisionRecord.outcome.heading"));
  const statement = record.request.outcomeStatement.trim();
  doc.font("Sans-Bold").fontSize(10.5).fillColor(COLOR.text)
    .text(`${t("decisionRecord.meta.outcome")}: ${lookup(t, `decisionRecord.status.${record.request.status}`, record.request.status)}`, left, doc.y, { width });
  doc.moveDown(0.4);
  if (statement) {
    doc.font("Sans").fontSize(10.5).text(statement, left + 12, doc.y, { width: width - 12, lineGap: 2 });
    doc.x = left;
  } else {
    doc.font("Sans-Oblique").fontSize(10).fillColor(COLOR.muted).text(t("decisionRecord.outcome.noStatement"), { width });
  }
  doc.fillColor(COLOR.text);

  // The frozen text.
  heading(textHeading(record, t));
  const blocks = textBlocks(record.version.text);
  if (blocks.length === 0) doc.font("Sans-Oblique").fontSize(10).fillColor(COLOR.muted).text(t("decisionRecord.text.empty"), { width });
  for (const block of blocks) {
    doc.font("Sans").fontSize(10.5).fillColor(COLOR.text).text(block, left, doc.y, { width, lineGap: 2, paragraphGap: 6 });
  }
  doc.fillColor(COLOR.text);

  // Votes.
  heading(t("decisionRecord.votes.heading"));
  if (record.votes.length === 0) {
    doc.font("Sans-Oblique").fontSize(10).fillColor(COLOR.muted).text(t("decisionRecord.votes.none"), left, doc.y, { width });
  } else {
    table(
      [
        { title: t("decisionRecord.votes.name"), width: 110 },
        { title: t("decisionRecord.votes.choice"), width: 85 },
        { title: t("decisionRecord.votes.reason"), width: width - 110 - 85 - 115 },
        { title: t("decisionRecord.votes.at"), width: 115 },
      ],
      record.votes.map((v) => [
        { text: v.name },
        { text: lookup(t, `decisionRecord.choices.${v.choice}`, v.choice), font: "Sans-Bold" },
        { text: v.reason.trim() || t("decisionRecord.none") },
        { text: voteTime(v, t) },
      ]),
    );
  }

  // Audit trail.
  heading(t("decisionRecord.audit.heading"));
  if (record.audit.length === 0) {
    doc.font("Sans-Oblique").fontSize(10).fillColor(COLOR.muted).text(t("decisionRecord.audit.none"), left, doc.y, { width });
  } else {
    table(
      [
        { title: t("decisionRecord.audit.at"), width: 115 },
        { title: t("decisionRecord.audit.action"), width: width - 115 - 150 },
        { title: t("decisionRecord.audit.actor"), width: 150 },
      ],
      record.audit.map((e) => [{ text: recordDateTime(e.at, t) }, { text: auditActionText(e.action, t) }, { text: e.actor ?? t("decisionRecord.audit.system") }]),
      8.5,
    );
  }

  return page.finish(
    `${t("decisionRecord.title")} · ${record.document.title} · ${versionText(record, t)}`,
    (n, pages) => t("decisionRecord.page", { page: n, pages }),
  );
}
