import { formatDateTime, formatNumber } from "../i18n/format.ts";
import type { Locale, MessageKey, Translate } from "../i18n/index.ts";
import type { PersonalRow } from "../db/personal-data.ts";
import { nb } from "../../messages/nb.ts";

/** Longest cell on the readable page; the JSON download keeps every character. */
const CELL_MAX = 400;

/** The columns a person reads: every field but ids (those are in the JSON download). */
export function readableColumns(rows: PersonalRow[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (key !== "id" && !/Id$/.test(key)) keys.add(key);
  return [...keys];
}

/** A column's heading in the reader's language (the field's own name when there is no label for it). */
export function columnLabel(key: string, t: Translate): string {
  return key in nb.personalData.fields ? t(`personalData.fields.${key}` as MessageKey) : key;
}

/** Stored codes shown in words, per section and field (the export keeps the codes). */
const CODE_LABELS: Record<string, Record<string, string>> = {
  User: { locale: "languages" },
  ForumMember: { role: "roles.forum" },
  Membership: { role: "roles.group" },
  Responsibility: { role: "raci" },
  Document: { kind: "documentKinds", status: "documentStatus" },
  Vote: { choice: "approval.choice" },
  ApprovalRequest: { status: "decisionRecord.status" },
  ActionItem: { status: "actionStatus", yourPart: "personalData.parts" },
  Invitation: { role: "roles.forum", yourPart: "personalData.parts" },
};

function hasMessage(key: string): boolean {
  let node: unknown = nb;
  for (const part of key.split(".")) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string";
}

/** One cell as text: codes in words, dates and numbers in the reader's language, yes/no, lists joined, long text shortened. */
export function cellText(value: unknown, locale: Locale, t: Translate, where?: { model: string; field: string }): { text: string; truncated: boolean } {
  const prefix = where ? CODE_LABELS[where.model]?.[where.field] : undefined;
  const inWords = (code: unknown) => (prefix && typeof code === "string" && hasMessage(`${prefix}.${code}`) ? t(`${prefix}.${code}` as MessageKey) : null);
  const word = inWords(value);
  if (word !== null) return { text: word, truncated: false };
  let text: string;
  if (value === null || value === undefined || value === "") text = t("personalData.none");
  else if (value instanceof Date) text = formatDateTime(value, locale);
  else if (typeof value === "boolean") text = value ? t("personalData.yes") : t("personalData.no");
  else if (typeof value === "number") text = formatNumber(value, locale);
  else if (Array.isArray(value)) text = value.map((v) => inWords(v) ?? String(v)).join(", ");
  else text = typeof value === "string" ? value : JSON.stringify(value);
  if (text.length <= CELL_MAX) return { text, truncated: false };
  return { text: `${text.slice(0, CELL_MAX)}…`, truncated: true };
}
