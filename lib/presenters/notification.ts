import type { Locale, MessageKey, Translate } from "../i18n/index.ts";

/** What a grouped change notice holds (Notification.detail): how many changes, and by whom (names, most changes first). */
export interface ChangeDetail {
  changes: number;
  editors: string[];
}

/** Names listed in full up to this many; beyond it, the first two and "N others". */
const MAX_NAMES = 3;

/** The stored detail of a grouped change notice, or null when it does not hold one. */
export function parseChangeDetail(detail: string): ChangeDetail | null {
  try {
    const value = JSON.parse(detail) as Partial<ChangeDetail> | null;
    if (!value || typeof value.changes !== "number" || !Array.isArray(value.editors)) return null;
    return { changes: value.changes, editors: value.editors.filter((e): e is string => typeof e === "string") };
  } catch {
    return null;
  }
}

/**
 * "3 endringer av Ole og Marte", "1 endring av Ole", "5 endringer av Ole, Marte og 2 andre"
 * (English: "3 changes by Ole and Marte"), in the reader's language.
 */
export function changeSummary(t: Translate, locale: Locale, detail: ChangeDetail | null): string {
  if (!detail || detail.editors.length === 0) return t("notifications.changeSummary.unknown");
  const { editors } = detail;
  const shown = editors.length > MAX_NAMES ? editors.slice(0, MAX_NAMES - 1) : editors;
  const rest = editors.length - shown.length;
  const names = new Intl.ListFormat(locale, { type: "conjunction" }).format(rest ? [...shown, t("notifications.changeSummary.others", { count: rest })] : shown);
  return t(detail.changes === 1 ? "notifications.changeSummary.one" : "notifications.changeSummary.other", { count: detail.changes, editors: names });
}

/** The first words of the comment a notification is about (kept in its detail), if any. */
export function commentPreviewOf(detail: string): string | null {
  try {
    const parsed = JSON.parse(detail) as { preview?: unknown } | null;
    return typeof parsed?.preview === "string" && parsed.preview ? parsed.preview : null;
  } catch {
    return null;
  }
}

/** The line a notification is listed with, in the reader's language (type-specific facts filled in). */
export function notificationText(t: Translate, locale: Locale, n: { type: string; title: string; detail: string; actor?: { name: string } | null }): string {
  const vars: Record<string, string> = { title: n.title, actor: n.actor?.name ?? "" };
  if (n.type === "DOCUMENT_CHANGED") vars.summary = changeSummary(t, locale, parseChangeDetail(n.detail));
  return t(`notifications.${n.type}` as MessageKey, vars);
}
