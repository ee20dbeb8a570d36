import { approvalNotifications } from "../commands/approvals.ts";
import { loadSteering, markReminded, requestsToRemind } from "../db/approvals.ts";
import { db } from "../db/client.ts";
import { JOB_LEASE_MS, withLease } from "../db/leases.ts";
import { queueNotifications } from "../db/notifications.ts";
import { transaction } from "../db/transaction.ts";
import { env } from "../env.ts";
import { publish } from "../events/bus.ts";
import { itemsToRemind } from "../db/notifications.ts";
import { addDays, startOfOsloDate, todayInOslo } from "../time/oslo.ts";
import { deliver } from "./notify.ts";

/**
 * Reminds owners of open items: once when the due date is three days away or less, once when it
 * has passed ("today" is Norway's calendar day). Safe to run as often as you like: each item gets
 * each reminder once.
 */
export async function runReminders(now = new Date()): Promise<number> {
  const today = todayInOslo(now);
  const dueSoon = await itemsToRemind(db(), "DUE_SOON", today, addDays(today, 4));
  const overdue = await itemsToRemind(db(), "OVERDUE", null, today);
  const list = [
    ...dueSoon.map((item) => ({ type: "DUE_SOON" as const, item })),
    ...overdue.map((item) => ({ type: "OVERDUE" as const, item })),
  ].map(({ type, item }) => ({ userId: item.ownerId!, forumId: item.forumId, type, actionItemId: item.id, title: item.title }));
  await deliver(list);
  return list.length + (await runVoteReminders(now));
}

/**
 * runReminders under the "reminders" lease: however many instances call it at once, one of them
 * reminds (the others skip); what the server's hourly timer runs.
 */
export async function runRemindersOnce(now = new Date()): Promise<number | null> {
  const r = await withLease(db(), "reminders", JOB_LEASE_MS, () => runReminders(now));
  return r.ran ? r.value : null;
}

/**
 * Reminds steering members who have not voted, two days before the wished decision date (Oslo
 * days), once per request. Safe to run as often as you like.
 */
async function runVoteReminders(now = new Date()): Promise<number> {
  const until = startOfOsloDate(addDays(todayInOslo(now), 3));
  let sent = 0;
  for (const request of await requestsToRemind(db(), until)) {
    const steering = await loadSteering(db(), request.document.forumId);
    const voted = new Set(request.votes.map((v) => v.userId));
    const list = approvalNotifications(steering.memberIds.filter((id) => !voted.has(id)), "", request.document.forumId, "VOTE_REMINDER", { id: request.documentId, title: request.document.title }, request.id);
    // Marked first, and only by whoever marks it: a request is reminded of once, whoever else runs.
    const reminded = await transaction(async (tx) => {
      if (!(await markReminded(tx, request.id))) return false;
      await queueNotifications(tx, list, { mail: Boolean(env().SMTP_URL) });
      return true;
    });
    if (!reminded) continue;
    if (list.length && env().SMTP_URL) publish({ type: "mail.queued" });
    sent += list.length;
  }
  return sent;
}
