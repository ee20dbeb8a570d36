import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import type { SessionUser } from "../auth/session.ts";
import { mayUseApp } from "../policies/account.ts";
import type { RoomDecision } from "./authorize.ts";
import type { Connection } from "./connection.ts";
import { CLOSE } from "./protocol.ts";
import type { RoomRegistry } from "./room-registry.ts";
import type { Log, Room } from "./room.ts";
import type { RoomRef } from "./rooms.ts";

/** An open, authorised socket: its connection, its room, and what its access was decided on. */
export interface Member {
  conn: Connection;
  room: Room;
  ref: RoomRef;
  forumId: string;
  /** The user's sessionVersion when the socket opened; the sweep closes it once that moves on. */
  sessionVersion: number;
  /**
   * Frames held back while the member's access is being decided again after a change (an
   * `access.changed` event): handled if access stands, dropped with the socket if not. Null: none held.
   */
  held: Uint8Array[] | null;
}

/** What the connect path needs from the server. */
export interface ConnectContext {
  /** The session behind the upgrade request, or null. */
  authenticate(req: IncomingMessage): Promise<SessionUser | null>;
  /** What this user may do in this room. */
  authorise(userId: string, ref: RoomRef, name: string): Promise<RoomDecision>;
  rooms: RoomRegistry;
  /** Every open, authorised socket (the access sweep re-checks them). */
  members: Map<WebSocket, Member>;
  log: Log;
}

/** Frames a client may send before it is authorised (they are queued, then handled). */
const MAX_EARLY_FRAMES = 64;

/**
 * One socket's life, in Hocuspocus's stages: authenticate → authorise → acquire the room → sync
 * (join, then replay what arrived meanwhile) → release when it closes. Stock clients send their
 * sync step 1 at once, so frames are queued until the socket has a room.
 */
export async function connect(ws: WebSocket, req: IncomingMessage, ref: RoomRef, name: string, ctx: ConnectContext): Promise<void> {
  const early: Uint8Array[] = [];
  let member: Member | null = null;
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    // A socket being closed (session ended, access lost) has no say any more, even for frames in flight.
    if (ws.readyState !== ws.OPEN) return;
    if (!isBinary) {
      ws.close(CLOSE.malformed, "binary frames only");
      return;
    }
    if (member?.held) {
      if (member.held.length < MAX_EARLY_FRAMES) member.held.push(new Uint8Array(data));
      else ws.close(CLOSE.malformed, "too many messages while access is checked");
    } else if (member) member.room.handleMessage(member.conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    else if (early.length < MAX_EARLY_FRAMES) early.push(new Uint8Array(data));
    else ws.close(CLOSE.malformed, "too many messages before authorisation");
  });
  ws.on("error", (error) => ctx.log(`socket error in ${name}`, error));
  ws.on("close", () => {
    if (member) release(ws, name, member, ctx);
    member = null;
  });

  try {
    const user = await ctx.authenticate(req);
    if (!user) return ws.close(CLOSE.unauthenticated, "unauthenticated");
    if (!mayUseApp(user)) return ws.close(CLOSE.passwordChangeRequired, "password change required");
    const decision = await ctx.authorise(user.id, ref, name);
    if (!decision.ok) return ws.close(decision.code, decision.reason);
    if (ws.readyState !== ws.OPEN) return;
    const room = await ctx.rooms.acquire(name, ref);
    if (ws.readyState !== ws.OPEN) return ctx.rooms.release(name, room);
    member = sync(ws, room, user, decision, ref, ctx);
    for (const frame of early.splice(0)) room.handleMessage(member.conn, frame);
  } catch (error) {
    ctx.log(`could not open ${name}`, error);
    ws.close(1011, "server error");
  }
}

/** Joins the room: the handshake (sync step 1, presence, access, saved) is sent by the room. */
function sync(ws: WebSocket, room: Room, user: SessionUser, decision: RoomDecision & { ok: true }, ref: RoomRef, ctx: ConnectContext): Member {
  // The connection knows who it is (the server stamps presence with it) and the session it was opened on.
  const conn = room.addConnection(ws, { id: user.id, name: user.name }, decision.mode);
  const member: Member = { conn, room, ref, forumId: decision.forumId, sessionVersion: user.sessionVersion, held: null };
  ctx.members.set(ws, member);
  return member;
}

/** Leaves the room; the last one out starts its idle countdown. */
function release(ws: WebSocket, name: string, member: Member, ctx: ConnectContext) {
  ctx.members.delete(ws);
  member.room.removeConnection(ws);
  ctx.rooms.release(name, member.room);
}
