import { appendAudit } from "./audit.ts";
import type { Db } from "./client.ts";
import { lockKey } from "./locks.ts";
import type { DbClient } from "./types.ts";

export type NotificationKind =
  | "ASSIGNED"
  | "ACCOUNTABLE"
  | "STATUS_CHANGED"
  | "DUE_SOON"
  | "OVERDUE"
  | "APPROVAL_REQUESTED"
  | "APPROVAL_DECIDED"
  | "VOTE_REMINDER"
  | "COMMENT_THREAD"
  | "COMMENT_REPLY"
  | "MENTION"
  | "DOCUMENT_CHANGED";

export interface NewNotification {
  userId: string;
  forumId: string;
  type: NotificationKind;
  actionItemId: string | null;
  /** Approval notifications point at a document and its request. */
  documentId?: string | null;
  approvalRequestId?: string | null;
  /** Comment notifications point at a thread (on a document or an action) and a comment. */
  threadId?: string | null;
  commentId?: string | null;
  /** Who did it (shown as "{actor} …"). */
  actorId?: string | null;
  /** Type-specific facts as JSON. */
  detail?: string;
  title: string;
}

/** E-mail state of a notification in the outbox (the mail worker moves it on). */

/**
 * Writes in-app notifications inside the caller's transaction, so they exist exactly when the change
 * does. With `mail` (SMTP configured) each row is also queued for the mail worker (PENDING, due now);
 * otherwise its e-mail is SKIPPED. Publish `mail.queued` after the commit to wake the worker at once.
 */
export async function queueNotifications(tx: DbClient, list: NewNotification[], opts: { mail: boolean; now?: Date }): Promise<void> {
  if (list.length === 0) return;
  const now = opts.now ?? new Date();
  await tx.notification.createMany({
    data: list.map((n) => ({ ...n, createdAt: now, mailState: opts.mail ? "PENDING" : "SKIPPED", mailNextAt: opts.mail ? now : null })),
  });
}

export async function listNotifications(db: DbClient, userId: string, forumId: string, take = 200) {
  const rows = await db.notification.findMany({
    where: { userId, forumId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true, type: true, title: true, readAt: true, createdAt: true, documentId: true, threadId: true, actorId: true, detail: true, actionItemId: true,
      actionItem: { select: { id: true, groupId: true } },
    },
  });
  // Approval and comment notifications point at a document (its group gives the page's address).
  const present = <T,>(list: (T | null)[]) => [...new Set(list.filter((x): x is T => x !== null))];
  const ids = present(rows.map((r) => r.documentId));
  const actorIds = present(rows.map((r) => r.actorId));
  const [docs, actors] = await Promise.all([
    ids.length ? db.document.findMany({ where: { id: { in: ids }, forumId }, select: { id: true, groupId: true } }) : [],
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
  ]);
  return rows.map((r) => ({ ...r, document: docs.find((d) => d.id === r.documentId) ?? null, actor: actors.find((a) => a.id === r.actorId) ?? null }));
}

/** A user's unread notices in a forum, as much as grouping them by item needs. */
export async function unreadNotices(db: DbClient, userId: string, forumId: string) {
  return db.notification.findMany({ where: { userId, forumId, readAt: null }, select: { id: true, actionItemId: true, documentId: true } });
}

/**
 * Marks some of a user's own notifications in a forum as read (the ones they opened). Ids of other
 * people's notices or of another forum change nothing. Audited when any were unread.
 */
export async function markRead(db: DbClient, userId: string, forumId: string, ids: readonly string[], ip: string | null = null) {
  const { count } = await db.notification.updateMany({ where: { id: { in: [...ids] }, userId, forumId, readAt: null }, data: { readAt: new Date() } });
  if (count > 0) await appendAudit(db, { forumId, actorId: userId, ip, action: "notifications.read", entityType: "User", entityId: userId, after: { count } });
  return count;
}

/** Marks a user's notifications in a forum as read; audited in the forum's chain when any were unread. */
export async function markAllRead(db: DbClient, userId: string, forumId: string, ip: string | null = null) {
  const { count } = await db.notification.updateMany({ where: { userId, forumId, readAt: null }, data: { readAt: new Date() } });
  if (count > 0) await appendAudit(db, { forumId, actorId: userId, ip, action: "notifications.read", entityType: "User", entityId: userId, after: { count } });
}

/** The stored instant of a due date is noon UTC of the date; midnight UTC of a date bounds it in queries. */
const dateBound = (date: string) => new Date(`${date}T00:00:00Z`);

/** Open items with an owner due on a calendar date in [from, to) (YYYY-MM-DD) that have no notification of `type` yet. */
export async function itemsToRemind(db: DbClient, type: "DUE_SOON" | "OVERDUE", from: string | null, to: string) {
  return db.actionItem.findMany({
    where: {
      status: { in: ["OPEN", "IN_PROGRESS", "BLOCKED"] },
      ownerId: { not: null },
      dueDate: { ...(from ? { gte: dateBound(from) } : {}), lt: dateBound(to) },
      notifications: { none: { type } },
    },
    select: { id: true, forumId: true, title: true, ownerId: true },
  });
}

// ---- The mail worker's side of the outbox ----------------------------------------------------

export interface OutboxRow {
  id: string;
  userId: string;
  forumId: string;
  type: NotificationKind;
  title: string;
  /** What it points at, for the e-mail's link (and a comment's first words in `detail`). */
  documentId: string | null;
  actionItemId: string | null;
  threadId: string | null;
  detail: string;
  mailState: string;
  mailAttempts: number;
  mailNextAt: Date | null;
}

const outboxSelect = {
  id: true, userId: true, forumId: true, type: true, title: true, documentId: true, actionItemId: true, threadId: true, detail: true,
  mailState: true, mailAttempts: true, mailNextAt: true,
} as const;

/**
 * Rows whose e-mail is due: PENDING with mailNextAt <= now, and SENDING whose lease (mailNextAt) ran
 * out, which means the process that claimed it died mid-send.
 */
export async function dueMail(db: DbClient, now: Date, take: number): Promise<OutboxRow[]> {
  return db.notification.findMany({
    where: { mailState: { in: ["PENDING", "SENDING"] }, mailNextAt: { lte: now } },
    orderBy: [{ mailNextAt: "asc" }, { createdAt: "asc" }],
    take,
    select: outboxSelect,
  });
}

/** When the worker next has something to do (the earliest retry or lease end), or null. */
export async function nextMailAt(db: DbClient): Promise<Date | null> {
  const row = await db.notification.findFirst({
    where: { mailState: { in: ["PENDING", "SENDING"] }, mailNextAt: { not: null } },
    orderBy: { mailNextAt: "asc" },
    select: { mailNextAt: true },
  });
  return row?.mailNextAt ?? null;
}

export type ClaimResult = "claimed" | "lost" | "suppressed" | "deferred";

/**
 * Claims one due row for sending and applies the once-a-day rule. Each step is one conditional
 * UPDATE (no interactive transaction: the sync server's own SQLite connection must never wait on a
 * lock held across an await), and SQLite runs writes one at a time, so:
 * - of two workers or two ticks only one ever flips a row to SENDING ("lost" for the other);
 * - a row is claimed only while no other row of the same person and type was e-mailed since
 *   `dayStart` or is being sent right now (a live lease). Otherwise it becomes SKIPPED (already
 *   e-mailed today) or waits until `deferUntil` (the other one may still fail).
 * The three steps run in one transaction holding a lock per person and type (a no-op on SQLite,
 * whose single writer gives the same): on PostgreSQL two workers' NOT EXISTS checks could otherwise
 * both pass for two siblings.
 */
export async function claimMail(db: Db, row: OutboxRow, at: { now: Date; leaseUntil: Date; dayStart: Date; deferUntil: Date }): Promise<ClaimResult> {
  return db.$transaction(async (tx) => {
    await lockKey(tx, "mail", `${row.userId}:${row.type}`);
    return claimMailIn(tx, row, at);
  });
}

async function claimMailIn(db: DbClient, row: OutboxRow, at: { now: Date; leaseUntil: Date; dayStart: Date; deferUntil: Date }): Promise<ClaimResult> {
  const stillDue = { id: row.id, mailState: row.mailState, mailNextAt: { lte: at.now } };
  const sibling = { type: row.type, id: { not: row.id } };
  const claimed = await db.notification.updateMany({
    where: {
      ...stillDue,
      user: { notifications: { none: { ...sibling, OR: [{ emailedAt: { gte: at.dayStart } }, { mailState: "SENDING", mailNextAt: { gt: at.now } }] } } },
    },
    data: { mailState: "SENDING", mailNextAt: at.leaseUntil },
  });
  if (claimed.count === 1) return "claimed";
  const suppressed = await db.notification.updateMany({
    where: { ...stillDue, user: { notifications: { some: { ...sibling, emailedAt: { gte: at.dayStart } } } } },
    data: { mailState: "SKIPPED", mailNextAt: null },
  });
  if (suppressed.count === 1) return "suppressed";
  // Not claimed and not suppressed: either another worker has it (then it is no longer due and this
  // changes nothing), or a sibling is being sent right now: look again once that one is settled.
  const deferred = await db.notification.updateMany({ where: stillDue, data: { mailState: "PENDING", mailNextAt: at.deferUntil } });
  return deferred.count === 1 ? "deferred" : "lost";
}

/**
 * Ends a claimed row: SENT (with emailedAt), back to PENDING for a retry, FAILED or SKIPPED. Only
 * while this worker's lease still holds; false when the lease ran out and someone else took the row.
 */
export async function settleMail(
  db: DbClient,
  claim: { id: string; leaseUntil: Date },
  outcome:
    | { state: "SENT"; at: Date }
    | { state: "PENDING"; attempts: number; nextAt: Date; error: string }
    | { state: "FAILED"; attempts: number; error: string }
    | { state: "SKIPPED"; error?: string },
): Promise<boolean> {
  const data =
    outcome.state === "SENT"
      ? { mailState: "SENT", emailedAt: outcome.at, mailNextAt: null, mailError: null }
      : outcome.state === "PENDING"
        ? { mailState: "PENDING", mailAttempts: outcome.attempts, mailNextAt: outcome.nextAt, mailError: outcome.error }
        : outcome.state === "FAILED"
          ? { mailState: "FAILED", mailAttempts: outcome.attempts, mailNextAt: null, mailError: outcome.error }
          : { mailState: "SKIPPED", mailNextAt: null, mailError: outcome.error ?? null };
  const res = await db.notification.updateMany({ where: { id: claim.id, mailState: "SENDING", mailNextAt: claim.leaseUntil }, data });
  return res.count === 1;
}

/** The group of the document or action a notification points at (for its link), or null. */
export async function notificationTargetGroup(db: DbClient, row: Pick<OutboxRow, "documentId" | "actionItemId">): Promise<string | null> {
  if (row.documentId) return (await db.document.findUnique({ where: { id: row.documentId }, select: { groupId: true } }))?.groupId ?? null;
  if (row.actionItemId) return (await db.actionItem.findUnique({ where: { id: row.actionItemId }, select: { groupId: true } }))?.groupId ?? null;
  return null;
}

/** Who an e-mail goes to, in which language, and the forum's slug for the link. */
export async function mailRecipient(db: DbClient, userId: string, forumId: string) {
  const [user, forum] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } }),
    db.forum.findUnique({ where: { id: forumId }, select: { slug: true } }),
  ]);
  return user && forum ? { ...user, forumSlug: forum.slug } : null;
}
