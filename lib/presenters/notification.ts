import { INTL_TAGS, type Locale, type MessageKey, type Translate } from "../i18n/index.ts";

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
  const names = new Intl.ListFormat(INTL_TAGS[locale], { type: "conjunction" }).format(rest ? [...shown, t("notifications.changeSummary.others", { count: rest })] : shown);
  return t("notifications.changeSummary.changes", { count: detail.changes, editors: names });
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

/** The action status a STATUS_CHANGED notice was made for (kept in its detail), if known. */
export function statusOf(detail: string): string | null {
  try {
    const parsed = JSON.parse(detail) as { status?: unknown } | null;
    return typeof parsed?.status === "string" && parsed.status ? parsed.status : null;
  } catch {
    return null;
  }
}

/** Types whose line names who did it ("Lars satte status …") when the notice knows its actor. */
const WITH_ACTOR = new Set(["ASSIGNED", "ACCOUNTABLE", "STATUS_CHANGED"]);

type NoticeFacts = { type: string; title: string; detail: string; actor?: { name: string } | null };

/**
 * The line a notification is listed with, in the reader's language, saying who did what:
 * "Lars Haugen satte status på «Lærlingløftet» til Pågår". `short` leaves the title out, for lines
 * under their item's heading ("Lars Haugen satte status til Pågår"). Notices made before they kept
 * their actor or status fall back to the plain line.
 */
export function notificationText(t: Translate, locale: Locale, n: NoticeFacts, opts: { short?: boolean } = {}): string {
  const vars: Record<string, string> = { title: n.title, actor: n.actor?.name ?? "" };
  if (n.type === "DOCUMENT_CHANGED") vars.summary = changeSummary(t, locale, parseChangeDetail(n.detail));
  let variant = "";
  if (WITH_ACTOR.has(n.type) && n.actor) variant = "byActor";
  if (n.type === "STATUS_CHANGED") {
    const status = statusOf(n.detail);
    if (status) vars.status = t(`actionStatus.${status}` as MessageKey);
    variant = status ? (n.actor ? "byActorStatus" : "status") : variant;
  }
  const base = opts.short ? "notifications.short" : "notifications";
  return t(`${base}.${variant ? `${variant}.` : ""}${n.type}` as MessageKey, vars);
}

/** What a notification is about, for grouping: its action, else its document, else itself. */
export function notificationItemKey(n: { id: string; actionItemId?: string | null; actionItem?: { id: string } | null; documentId?: string | null }): string {
  const action = n.actionItem?.id ?? n.actionItemId ?? null;
  if (action) return `action:${action}`;
  if (n.documentId) return `document:${n.documentId}`;
  return `notice:${n.id}`;
}

export interface NotificationGroup<N> {
  key: string;
  /** Newest first. */
  items: N[];
  unread: number;
  /** The item's title as the newest notice has it. */
  title: string;
  newest: Date;
}

/**
 * The notices grouped by what they are about (an action, a document), groups ordered by their
 * newest notice, notices inside newest first: five status changes on one action are one entry.
 */
export function groupNotifications<N extends { id: string; title: string; readAt: Date | null; createdAt: Date; actionItemId?: string | null; actionItem?: { id: string } | null; documentId?: string | null }>(
  list: readonly N[],
): NotificationGroup<N>[] {
  const groups = new Map<string, N[]>();
  for (const n of [...list].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
    const key = notificationItemKey(n);
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups].map(([key, items]) => ({
    key, items, unread: items.filter((n) => !n.readAt).length, title: items[0]!.title, newest: items[0]!.createdAt,
  }));
}

/** How many items (actions, documents, single notices) have something unread: the count beside "Varsler". */
export function unreadItemCount(rows: readonly { id: string; actionItemId: string | null; documentId: string | null }[]): number {
  return new Set(rows.map(notificationItemKey)).size;
}
