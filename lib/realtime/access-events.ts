import { publish } from "../events/bus.ts";

// Transitional: the services still announce through these names; they publish on the domain bus.

export function announceAccessChange(change: { forumId: string; userId?: string }): void {
  publish({ type: "access.changed", ...change });
}

export function announceBoardChange(change: { groupId: string }): void {
  publish({ type: "board.changed", groupId: change.groupId });
}
