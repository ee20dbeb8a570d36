import type { WebSocket } from "ws";
import type { SessionUser } from "../auth/session.ts";
import type { RoomDecision } from "./authorize.ts";
import type { Member } from "./connect.ts";
import { CLOSE } from "./protocol.ts";
import type { RoomRef } from "./rooms.ts";

/**
 * Re-decides access for open connections. Whoever lost access is closed for good (4403 / 4404);
 * whoever's rights changed is closed with a transient code, so the client reconnects and gets the
 * new ones.
 */
export async function recheckAccess(
  members: Map<WebSocket, Member>,
  decide: (userId: string, ref: RoomRef) => Promise<RoomDecision>,
  filter: (m: Member) => boolean,
  opts: { hold?: boolean } = {},
): Promise<void> {
  const chosen = [...members].filter(([, m]) => filter(m));
  // After a change (not in the periodic sweep): what the members send meanwhile waits for the
  // decision, so an edit sent a moment after a removal is never applied or stored.
  if (opts.hold) for (const [, m] of chosen) m.held ??= [];
  for (const [ws, m] of chosen) {
    const decision = await decide(m.conn.userId, m.ref).catch(() => null);
    if (!members.has(ws)) continue;
    if (decision && !decision.ok) ws.close(decision.code, decision.reason);
    else if (decision && decision.mode !== m.conn.mode) ws.close(CLOSE.accessChanged, "access changed");
    else if (opts.hold) release(m);
  }
}

/** Handles the frames held back while access was checked (when it stood). */
function release(m: Member): void {
  const frames = m.held ?? [];
  m.held = null;
  for (const frame of frames) m.room.handleMessage(m.conn, frame);
}

/** Closes, for good (4402), the open sockets of sessions that ended (`session.revoked`). */
export function endSessions(members: Map<WebSocket, Member>, filter: (m: Member) => boolean): void {
  for (const [ws, m] of [...members]) if (filter(m)) ws.close(CLOSE.sessionEnded, "session ended");
}

/**
 * The periodic check of sessions: a socket whose user is gone or disabled, or whose sessionVersion
 * moved on since it opened (a revocation made outside this process), is closed with 4402.
 */
export async function recheckSessions(
  members: Map<WebSocket, Member>,
  lookup: (userId: string) => Promise<SessionUser | null>,
): Promise<void> {
  const current = new Map<string, number | null>();
  for (const [ws, m] of [...members]) {
    const userId = m.conn.userId;
    if (!current.has(userId)) {
      const user = await lookup(userId).catch(() => undefined);
      if (user === undefined) continue;
      current.set(userId, user?.sessionVersion ?? null);
    }
    if (current.get(userId) !== m.sessionVersion && members.has(ws)) ws.close(CLOSE.sessionEnded, "session ended");
  }
}
