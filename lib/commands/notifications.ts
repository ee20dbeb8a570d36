import { markAllRead } from "../db/notifications.ts";
import { runCommand, type CommandCaller } from "./command.ts";

/** Marks the caller's own notifications in the forum as read. */
export function markNotificationsRead(caller: CommandCaller) {
  return runCommand(caller, ({ tx, actor, standing }) => markAllRead(tx, actor.userId, standing.forum.id, actor.ip));
}
