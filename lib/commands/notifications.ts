import { markAllRead, markRead } from "../db/notifications.ts";
import { runCommand, type CommandCaller } from "./command.ts";

/** Marks the caller's own notifications in the forum as read. */
export function markNotificationsRead(caller: CommandCaller) {
  return runCommand(caller, ({ tx, actor, standing }) => markAllRead(tx, actor.userId, standing.forum.id, actor.ip));
}

/** Marks the notifications the caller opened (one, or all of an item's) as read; others' ids change nothing. */
export function markNotificationsOpened(caller: CommandCaller, ids: readonly string[]) {
  return runCommand(caller, ({ tx, actor, standing }) => markRead(tx, actor.userId, standing.forum.id, ids, actor.ip));
}
