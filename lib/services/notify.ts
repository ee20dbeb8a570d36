import type { BoardItem } from "../db/actions.ts";
import { db } from "../db/client.ts";
import { queueNotifications, type NewNotification } from "../db/notifications.ts";
import { env } from "../env.ts";
import { publish } from "../events/bus.ts";

/** Who is told what after an item changed: new owner, new Accountable, and owner/Accountable on status changes. */
export function notificationsFor(forumId: string, actorId: string, before: BoardItem | null, after: BoardItem): NewNotification[] {
  const out: NewNotification[] = [];
  // Each notice says who did it, and a status change what the status became ("Lars satte status til Pågår").
  const detail = (type: NewNotification["type"]) => (type === "STATUS_CHANGED" ? JSON.stringify({ status: after.status }) : undefined);
  const add = (userId: string | undefined | null, type: NewNotification["type"]) => {
    if (!userId || userId === actorId || out.some((n) => n.userId === userId && n.type === type)) return;
    out.push({ userId, forumId, type, actionItemId: after.id, title: after.title, actorId, ...(detail(type) ? { detail: detail(type) } : {}) });
  };
  if (after.owner && after.owner.id !== before?.owner?.id) add(after.owner.id, "ASSIGNED");
  const accountable = (i: BoardItem | null) => i?.raci.find((r) => r.role === "A")?.user?.id ?? null;
  // Made owner and Accountable in one go is one event for the person: the assignment.
  const newAccountable = accountable(after);
  if (newAccountable && newAccountable !== accountable(before) && !out.some((n) => n.userId === newAccountable)) add(newAccountable, "ACCOUNTABLE");
  if (before && before.status !== after.status) {
    add(after.owner?.id, "STATUS_CHANGED");
    add(accountable(after), "STATUS_CHANGED");
  }
  return out;
}

/**
 * Puts notifications in the outbox in a transaction of their own and wakes the mail worker, for
 * callers that have no transaction to queue them in (reminders; action changes until the command
 * layer queues inside its own transaction). The e-mail goes out later, from the mail worker.
 */
export async function deliver(list: NewNotification[]): Promise<void> {
  if (list.length === 0) return;
  const mail = Boolean(env().SMTP_URL);
  await db().$transaction((tx) => queueNotifications(tx, list, { mail }));
  if (mail) publish({ type: "mail.queued" });
}
