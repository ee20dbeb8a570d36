import { db } from "../db/client.ts";
import { itemsToRemind } from "../db/notifications.ts";
import { addDays, todayInOslo } from "../time/oslo.ts";
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
  return list.length;
}
