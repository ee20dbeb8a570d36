import type { WebSocket } from "ws";
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
): Promise<void> {
  for (const [ws, m] of [...members]) {
    if (!filter(m)) continue;
    const decision = await decide(m.conn.userId, m.ref).catch(() => null);
    if (!decision || !members.has(ws)) continue;
    if (!decision.ok) ws.close(decision.code, decision.reason);
    else if (decision.mode !== m.conn.mode) ws.close(CLOSE.accessChanged, "access changed");
  }
}
