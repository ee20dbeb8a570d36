import type { DbClient } from "./types.ts";

export type NotificationKind = "ASSIGNED" | "ACCOUNTABLE" | "STATUS_CHANGED" | "DUE_SOON" | "OVERDUE";

export interface NewNotification {
  userId: string;
  forumId: string;
  type: NotificationKind;
  actionItemId: string | null;
  title: string;
}

export async function createNotification(db: DbClient, n: NewNotification) {
  return db.notification.create({ data: n, select: { id: true, userId: true, type: true, title: true, createdAt: true } });
}

export async function listNotifications(db: DbClient, userId: string, forumId: string, take = 50) {
  return db.notification.findMany({
    where: { userId, forumId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, type: true, title: true, readAt: true, createdAt: true, actionItem: { select: { id: true, groupId: true } } },
  });
}

export async function unreadCount(db: DbClient, userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markAllRead(db: DbClient, userId: string, forumId: string) {
  await db.notification.updateMany({ where: { userId, forumId, readAt: null }, data: { readAt: new Date() } });
}

/** Whether the user already got an e-mail of this type since `since` (at most one per type per day). */
export async function emailedSince(db: DbClient, userId: string, type: NotificationKind, since: Date) {
  return (await db.notification.count({ where: { userId, type, emailedAt: { gte: since } } })) > 0;
}

export async function markEmailed(db: DbClient, id: string, at: Date) {
  await db.notification.update({ where: { id }, data: { emailedAt: at } });
}

/** Open items with an owner due in [from, to) that have no notification of `type` yet. */
export async function itemsToRemind(db: DbClient, type: "DUE_SOON" | "OVERDUE", from: Date | null, to: Date) {
  return db.actionItem.findMany({
    where: {
      status: { in: ["OPEN", "IN_PROGRESS", "BLOCKED"] },
      ownerId: { not: null },
      dueDate: { ...(from ? { gte: from } : {}), lt: to },
      notifications: { none: { type } },
    },
    select: { id: true, forumId: true, title: true, ownerId: true, forum: { select: { slug: true } } },
  });
}

/**
 * Writes in-app notifications inside the caller's transaction (the outbox): with e-mail on, each
 * row waits as PENDING for the mail worker, which sends it after the change has committed.
 */
export async function queueNotifications(tx: DbClient, list: NewNotification[], opts: { mail: boolean; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  for (const n of list) {
    await tx.notification.create({ data: { ...n, mailState: opts.mail ? "PENDING" : "SKIPPED", mailNextAt: opts.mail ? now : null }, select: { id: true } });
  }
}
