import { EventEmitter } from "node:events";

/**
 * "Someone's access may have changed": emitted by the services that change memberships and roles,
 * heard by the sync server, which then re-checks the open connections. Kept on globalThis because
 * Next's bundled route handlers and server.ts load separate copies of this module in one process.
 */
export interface AccessChange {
  forumId: string;
  /** Only this user's connections; all of the forum's when absent. */
  userId?: string;
}

const KEY = Symbol.for("samrad.accessEvents");
const holder = globalThis as unknown as Record<symbol, EventEmitter | undefined>;

function bus(): EventEmitter {
  holder[KEY] ??= new EventEmitter().setMaxListeners(100);
  return holder[KEY];
}

export function announceAccessChange(change: AccessChange): void {
  bus().emit("change", change);
}

export function onAccessChange(listener: (change: AccessChange) => void): () => void {
  bus().on("change", listener);
  return () => bus().off("change", listener);
}

/** "A group's board changed in the database": the sync server refreshes the board room. */
export function announceBoardChange(change: { groupId: string }): void {
  bus().emit("board", change);
}

export function onBoardChange(listener: (change: { groupId: string }) => void): () => void {
  bus().on("board", listener);
  return () => bus().off("board", listener);
}
