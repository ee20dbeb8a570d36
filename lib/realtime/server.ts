import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { readCookie, sessionCookieName, userFromSessionToken } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { isSameOrigin } from "../http/origin.ts";
import { loadGroupBoard } from "../db/actions.ts";
import { openRealtimeStore } from "../db/realtime-store.ts";
import { subscribe } from "../events/bus.ts";
import { decideRoomAccess } from "./authorize.ts";
import { SyncRoom, type Connection, type RoomLimits } from "./sync-room.ts";
import { CLOSE } from "./protocol.ts";
import { boardRoom, COLLAB_PATH, parseRoom, type RoomRef } from "./rooms.ts";

export interface RealtimeOptions extends Partial<RoomLimits> {
  db: Db;
  /** The SQLite file the update log is appended to (the same database as `db`). */
  databaseUrl: string;
  /** Largest websocket frame accepted; bigger ones close the socket (1009). */
  maxFrameBytes?: number;
  /** How long an empty room stays in memory before it is flushed and unloaded. */
  idleUnloadMs?: number;
  /** How often every open connection's access is re-checked (access events re-check at once). */
  sweepIntervalMs?: number;
  log?: (message: string, error?: unknown) => void;
}

interface RoomEntry {
  ready: Promise<SyncRoom>;
  unloading?: Promise<void>;
  idleTimer?: NodeJS.Timeout;
  ref: RoomRef;
  forumId?: string;
}

interface Member {
  conn: Connection;
  room: SyncRoom;
  ref: RoomRef;
  forumId: string;
}

/** Frames a client may send before it is authorised (they are queued, then handled). */
const MAX_EARLY_FRAMES = 64;
/**
 * How long a session lookup and an access decision are reused for new sockets. A join storm (a
 * meeting starting, a page with several boards) asks the same questions hundreds of times a second;
 * access changes made through the app clear the decisions at once.
 */
const DECISION_TTL_MS = 5000;

/** A small time-limited memo of promises (failed lookups are not kept). */
function ttlMemo<T>(ttlMs: number) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      if (entries.size > 10_000) for (const [k, e] of entries) if (now - e.at >= ttlMs) entries.delete(k);
      const value = load();
      entries.set(key, { at: now, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
  };
}

/**
 * The sync server: stock y-websocket protocol over `ws`, at /collab/<room>, on the app's own port.
 * The socket is authorised once at upgrade (session cookie, Origin, membership) and read-only is
 * decided there; access is re-checked when memberships change.
 */
export function createRealtimeServer(options: RealtimeOptions) {
  const db = options.db;
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(`[realtime] ${message}`, error ?? ""));
  const limits: RoomLimits = {
    flushDelayMs: options.flushDelayMs ?? 20,
    compactEveryRows: options.compactEveryRows ?? 500,
    maxDocumentBytes: options.maxDocumentBytes ?? 32 * 1024 * 1024,
    awarenessPerSecond: options.awarenessPerSecond ?? 30,
    maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
  };
  const idleUnloadMs = options.idleUnloadMs ?? 10_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? 1024 * 1024, perMessageDeflate: false });
  const rooms = new Map<string, RoomEntry>();
  const store = openRealtimeStore(options.databaseUrl);
  const members = new Map<WebSocket, Member>();
  const sessions = ttlMemo<Awaited<ReturnType<typeof userFromSessionToken>>>(DECISION_TTL_MS);
  const decisions = ttlMemo<Awaited<ReturnType<typeof decideRoomAccess>>>(DECISION_TTL_MS);

  async function acquire(name: string, ref: RoomRef): Promise<SyncRoom> {
    let entry = rooms.get(name);
    while (entry?.unloading) {
      await entry.unloading;
      entry = rooms.get(name);
    }
    if (!entry) {
      const ready = ref.kind === "document" ? SyncRoom.load(db, store, ref.id, limits, log) : SyncRoom.board(db, ref.id, limits, log);
      const created: RoomEntry = { ref, ready };
      created.ready.catch(() => rooms.delete(name));
      rooms.set(name, created);
      entry = created;
    }
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = undefined;
    }
    return entry.ready;
  }

  function releaseIfIdle(name: string, room: SyncRoom) {
    const entry = rooms.get(name);
    if (!entry || room.connections.size > 0 || entry.idleTimer || entry.unloading) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = undefined;
      if (room.connections.size > 0) return;
      entry.unloading = room
        .unload()
        .catch((error) => log(`unloading ${name} failed`, error))
        .finally(() => rooms.delete(name));
    }, idleUnloadMs);
  }

  async function onConnection(ws: WebSocket, req: IncomingMessage, ref: RoomRef, name: string) {
    const early: Uint8Array[] = [];
    let member: Member | null = null;
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        ws.close(CLOSE.malformed, "binary frames only");
        return;
      }
      if (member) member.room.handleMessage(member.conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else if (early.length < MAX_EARLY_FRAMES) early.push(new Uint8Array(data));
      else ws.close(CLOSE.malformed, "too many messages before authorisation");
    });
    ws.on("error", (error) => log(`socket error in ${name}`, error));
    ws.on("close", () => {
      if (!member) return;
      members.delete(ws);
      member.room.removeConnection(ws);
      releaseIfIdle(name, member.room);
      member = null;
    });

    try {
      const token = readCookie(req.headers.cookie, sessionCookieName());
      const user = token ? await sessions.get(token, () => userFromSessionToken(token, async (id) => store.user(id))) : null;
      if (!user) return ws.close(CLOSE.unauthenticated, "unauthenticated");
      const decision = await decisions.get(`${user.id}|${name}`, () => decideRoomAccess(store, user.id, ref));
      if (!decision.ok) return ws.close(decision.code, decision.reason);
      if (ws.readyState !== ws.OPEN) return;
      const room = await acquire(name, ref);
      if (ws.readyState !== ws.OPEN) return releaseIfIdle(name, room);
      const conn = room.addConnection(ws, user.id, decision.mode);
      member = { conn, room, ref, forumId: decision.forumId };
      members.set(ws, member);
      for (const frame of early.splice(0)) room.handleMessage(conn, frame);
    } catch (error) {
      log(`could not open ${name}`, error);
      ws.close(1011, "server error");
    }
  }

  /**
   * Re-decides access for open connections. Whoever lost access is closed for good (4403); whoever's
   * rights changed is closed with a transient code, so the client reconnects and gets the new ones.
   */
  async function recheck(filter: (m: Member) => boolean) {
    for (const [ws, m] of [...members]) {
      if (!filter(m)) continue;
      const decision = await decideRoomAccess(store, m.conn.userId, m.ref).catch(() => null);
      if (!members.has(ws)) continue;
      if (!decision) continue;
      if (!decision.ok) {
        ws.close(decision.code, decision.reason);
      } else if (decision.mode !== m.conn.mode) {
        ws.close(CLOSE.accessChanged, "access changed");
      }
    }
  }

  function onAccessChange(change: { forumId: string; userId?: string }) {
    decisions.clear();
    sessions.clear();
    void recheck((m) => m.forumId === change.forumId && (change.userId === undefined || m.conn.userId === change.userId));
  }
  // Board rooms follow the database: after each committed change the group's items are re-read,
  // one refresh at a time per room so an older read never overwrites a newer one.
  const boardRefresh = new Map<string, Promise<void>>();
  function onBoardChange(groupId: string) {
    const name = boardRoom(groupId);
    const entry = rooms.get(name);
    if (!entry || entry.unloading) return;
    const previous = boardRefresh.get(name) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const room = await entry.ready;
        room.applyBoard(await loadGroupBoard(db, groupId));
      })
      .catch((error) => log(`refreshing ${name} failed`, error));
    boardRefresh.set(name, next);
    void next.finally(() => {
      if (boardRefresh.get(name) === next) boardRefresh.delete(name);
    });
  }
  const stopListening = subscribe((event) => {
    if (event.type === "access.changed") onAccessChange(event);
    else if (event.type === "board.changed") onBoardChange(event.groupId);
  });
  const sweep = setInterval(() => void recheck(() => true), options.sweepIntervalMs ?? 30_000);
  sweep.unref();

  // Dead peers (closed laptops, lost networks) are found by ping/pong and removed.
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, 30_000);
  heartbeat.unref();

  return {
    /** Takes a websocket upgrade if it is ours (/collab/…); returns false to let others have it. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const path = (req.url ?? "").split("?")[0] ?? "";
      if (!path.startsWith(COLLAB_PATH)) return false;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      // A foreign Origin never gets a socket: refused at the HTTP level, before the upgrade.
      if (!headers.get("origin") || !isSameOrigin(headers)) {
        socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return true;
      }
      const name = decodeURIComponent(path.slice(COLLAB_PATH.length));
      const ref = parseRoom(name);
      if (!ref) {
        socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        alive.add(ws);
        ws.on("pong", () => alive.add(ws));
        void onConnection(ws, req, ref, name);
      });
      return true;
    },

    /** Rooms in memory and open connections (for health checks and benchmarks). */
    stats() {
      return { rooms: rooms.size, connections: members.size };
    },

    /** Writes every pending update now (tests, shutdown). */
    async flushAll() {
      await Promise.all([...rooms.values()].map(async (e) => (await e.ready).flush()));
    },

    /** Stores everything, then closes every socket with "going away" (clients reconnect). */
    async close() {
      stopListening();
      clearInterval(sweep);
      clearInterval(heartbeat);
      await Promise.all(
        [...rooms.values()].map(async (e) => {
          const room = await e.ready.catch(() => null);
          if (room) await room.unload();
        }),
      );
      for (const ws of wss.clients) ws.close(CLOSE.goingAway, "server shutting down");
      wss.close();
      store.close();
    },
  };
}

export type RealtimeServer = ReturnType<typeof createRealtimeServer>;
