import { EventEmitter } from "node:events";

/**
 * What changed, published by commands after their transaction committed; the realtime layer (and
 * anything else) subscribes. The rules never import the rooms. Kept on globalThis because Next's
 * bundled route handlers and server.ts load separate copies of this module in one process.
 */
export type DomainEvent =
  /** A group's action items or their responsibilities changed in the database. */
  | { type: "board.changed"; groupId: string }
  /** Someone's access may have changed: only this user's connections, or all of the forum's. */
  | { type: "access.changed"; forumId: string; userId?: string }
  /**
   * A command appended a Yjs update (row `updateId`) to a document's log, e.g. restoring a version:
   * an open room applies and broadcasts it without storing it again.
   */
  | { type: "document.appended"; documentId: string; update: Uint8Array; updateId: number }
  /**
   * Every session of the user ended (password changed or reset, signed out): the realtime layer
   * closes the user's open sockets at once (4402).
   */
  | { type: "session.revoked"; userId: string }
  /**
   * A comment thread was opened, answered, edited, resolved or reopened (on a document or an
   * action): open documents tell their editors to fetch the threads again; boards recount.
   */
  | { type: "threads.changed"; documentId: string | null; actionItemId: string | null; groupId: string }
  /**
   * A forum's competence needs, their figures or what answers them changed (a need edited, linked or
   * unlinked, an import committed or undone, a linked recommendation approved, a linked action's
   * status): gap views and need pages that are open fetch their figures again.
   */
  | { type: "needs.changed"; forumId: string }
  /** Notifications with e-mail were queued in the outbox: the mail worker looks now instead of at its next poll. */
  | { type: "mail.queued" }
  /**
   * Events from other instances may have been missed (the Redis bridge reconnected): every open
   * socket's session and access are checked again, and event streams are closed to be re-authorised.
   */
  | { type: "access.recheckAll" };

const KEY = Symbol.for("samrad.domainEvents");
const FORWARD = Symbol.for("samrad.domainEvents.forward");
const holder = globalThis as unknown as Record<symbol, EventEmitter | undefined>;
const forwarder = globalThis as unknown as Record<symbol, ((event: DomainEvent) => void) | undefined>;

function bus(): EventEmitter {
  holder[KEY] ??= new EventEmitter().setMaxListeners(100);
  return holder[KEY];
}

/** Announces an event of this instance: to local subscribers, then (when a bridge is set) to the other instances. */
export function publish(event: DomainEvent): void {
  bus().emit("event", event);
  forwarder[FORWARD]?.(event);
}

/** Hands an event that came from another instance to local subscribers only (it is never forwarded again). */
export function deliver(event: DomainEvent): void {
  bus().emit("event", event);
}

/** Sets (or with null removes) where `publish` forwards events besides this process: the Redis bridge. */
export function setForwarder(forward: ((event: DomainEvent) => void) | null): void {
  forwarder[FORWARD] = forward ?? undefined;
}

/** Subscribes to every event; returns the unsubscribe function. */
export function subscribe(listener: (event: DomainEvent) => void): () => void {
  bus().on("event", listener);
  return () => bus().off("event", listener);
}
