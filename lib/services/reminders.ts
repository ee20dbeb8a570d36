import { db } from "../db/client.ts";
import { itemsToRemind } from "../db/notifications.ts";
import { deliver } from "./notify.ts";

const DAY = 86_400_000;

/**
 * Reminds owners of open items: once when the due date is three days away or less, once when it
 * has passed. Safe to run as often as you like: each item gets each reminder once.
 */
export async function runReminders(now = new Date()): Promise<number> {
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const dueSoon = await itemsToRemind(db(), "DUE_SOON", startOfToday, new Date(startOfToday.getTime() + 4 * DAY));
  const overdue = await itemsToRemind(db(), "OVERDUE", null, startOfToday);
  let sent = 0;
  for (const [type, items] of [["DUE_SOON", dueSoon], ["OVERDUE", overdue]] as const) {
    for (const item of items) {
      await deliver([{ userId: item.ownerId!, forumId: item.forumId, type, actionItemId: item.id, title: item.title }], item.forum.slug);
      sent += 1;
    }
  }
  return sent;
}
