import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { readCookie, sessionCookieName, userFromSessionToken, type SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { openRoomStore } from "../db/room-store.ts";
import { subscribe, type DomainEvent } from "../events/bus.ts";
import { isSameOrigin } from "../http/origin.ts";
import { endSessions, recheckAccess, recheckSessions } from "./access-sweep.ts";
import { anchorWatch } from "./anchor-watch.ts";
import { appendedFeed } from "./appended-feed.ts";
import { commentWatch } from "./comment-watch.ts";
import { decideRoomAccess, type RoomDecision } from "./authorize.ts";
import { blockIdGuard } from "./block-id-guard.ts";
import { BoardRoom } from "./board-room.ts";
import { boardFeed } from "./board-feed.ts";
import { connect, type ConnectContext, type Member } from "./connect.ts";
import type { DocRelay } from "./doc-relay.ts";
import { DocumentRoom, type DocumentRoomLimits } from "./document-room.ts";
import { CLOSE } from "./protocol.ts";
import { RoomRegistry } from "./room-registry.ts";
import { searchFeed } from "./search-feed.ts";
import type { Log, Room } from "./room.ts";
import type { RoomStore } from "./room-store.ts";
import { boardRoom, COLLAB_PATH, documentRoom, parseRoom, type RoomRef } from "./rooms.ts";
import { ttlMemo } from "./ttl-memo.ts";

export interface RealtimeOptions extends Partial<DocumentRoomLimits> {
  /** Prisma, for what the room store does not yet read itself (boards). */
  db: Db;
  /** The SQLite file the rooms read and write (the same database as `db`). */
  databaseUrl: string;
  /** Largest websocket frame accepted; bigger ones close the socket (1009). */
  maxFrameBytes?: number;
  /** How long an empty room stays in memory before it is flushed and unloaded. */
  idleUnloadMs?: number;
  /** How often every open connection's access is re-checked (access events re-check at once). */
  sweepIntervalMs?: number;
  log?: Log;
  /**
   * Several instances (REDIS_URL): every document room relays its changes and presence to the
   * other instances' rooms of the same document, and applies theirs (docs/scale-out.md, step 10).
   */
  relay?: DocRelay | null;
}

/**
 * How long a session lookup and an access decision are reused for new sockets. A join storm (a
 * meeting starting, a page with several boards) asks the same questions hundreds of times a second;
 * access changes made through the app clear the decisions at once.
 */
const DECISION_TTL_MS = 5000;
const HEARTBEAT_MS = 30_000;

/** Ids anchored by actions of a document, with the paragraph text each was made from. */
async function anchorTextsOf(store: RoomStore, documentId: string): Promise<Map<string, string>> {
  const items = await store.anchoredItems(documentId);
  return new Map(items.filter((i) => i.anchorText !== null).map((i) => [i.anchorBlockId, i.anchorText!]));
}

/** onLoadDocument: a room of the right kind, with its extensions plugged in. */
function roomOpener(store: RoomStore, limits: DocumentRoomLimits, log: Log, relay: DocRelay | null) {
  return async (ref: RoomRef): Promise<Room> => {
    if (ref.kind !== "document") return BoardRoom.load(store, ref.id, limits, log, [boardFeed(store, log)]);
    const room = await DocumentRoom.load(store, ref.id, limits, log, [
      blockIdGuard(log, { anchorTexts: (id) => anchorTextsOf(store, id) }),
      anchorWatch(store, log),
      appendedFeed(),
      commentWatch(store, log),
      searchFeed(store, log),
    ]);
    // Loaded from the database, then what the other instances relayed meanwhile (the retained stream).
    if (relay) await room.connectRelay(relay);
    return room;
  };
}

/** onAuthenticate and onAuthorize, each memoised for DECISION_TTL_MS (join storms). */
function gate(store: RoomStore) {
  const sessions = ttlMemo<SessionUser | null>(DECISION_TTL_MS);
  const decisions = ttlMemo<RoomDecision>(DECISION_TTL_MS);
  return {
    authenticate(req: IncomingMessage) {
      const token = readCookie(req.headers.cookie, sessionCookieName());
      if (!token) return Promise.resolve(null);
      return sessions.get(token, () => userFromSessionToken(token, (id) => store.sessionUser(id)));
    },
    authorise(userId: string, ref: RoomRef, name: string) {
      return decisions.get(`${userId}|${name}`, () => decideRoomAccess(store, userId, ref));
    },
    forget() {
      sessions.clear();
      decisions.clear();
    },
  };
}

/** Dead peers (closed laptops, lost networks) are found by ping/pong and removed. */
function startHeartbeat(wss: WebSocketServer) {
  const alive = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    watch(ws: WebSocket) {
      alive.add(ws);
      ws.on("pong", () => alive.add(ws));
    },
    stop: () => clearInterval(timer),
  };
}

/** The room name of an upgrade that is ours, or an HTTP refusal. */
function admitUpgrade(req: IncomingMessage): { name: string; ref: RoomRef } | { refuse: string } {
  const path = (req.url ?? "").split("?")[0] ?? "";
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  // A foreign Origin never gets a socket: refused at the HTTP level, before the upgrade.
  if (!headers.get("origin") || !isSameOrigin(headers)) return { refuse: "403 Forbidden" };
  const name = decodeURIComponent(path.slice(COLLAB_PATH.length));
  const ref = parseRoom(name);
  return ref ? { name, ref } : { refuse: "404 Not Found" };
}

/**
 * The sync server: stock y-websocket protocol over `ws`, at /collab/<room>, on the app's own port.
 * The socket is authorised once at upgrade (session cookie, Origin, membership) and read-only is
 * decided there; access is re-checked when memberships change.
 */
export function createRealtimeServer(options: RealtimeOptions) {
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(`[realtime] ${message}`, error ?? ""));
  const limits: DocumentRoomLimits = {
    flushDelayMs: options.flushDelayMs ?? 20,
    compactEveryRows: options.compactEveryRows ?? 500,
    editStretchGapMs: options.editStretchGapMs,
    maxDocumentBytes: options.maxDocumentBytes ?? 32 * 1024 * 1024,
    awarenessPerSecond: options.awarenessPerSecond ?? 30,
    maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? 1024 * 1024, perMessageDeflate: false });
  const store = openRoomStore(options.databaseUrl, options.db);
  const rooms = new RoomRegistry(roomOpener(store, limits, log, options.relay ?? null), options.idleUnloadMs ?? 10_000, log);
  const members = new Map<WebSocket, Member>();
  const access = gate(store);
  const ctx: ConnectContext = { authenticate: access.authenticate, authorise: access.authorise, rooms, members, log };
  const decide = (userId: string, ref: RoomRef) => decideRoomAccess(store, userId, ref);

  /** Every open socket's session, then its access, decided again. */
  const recheckAll = () => recheckSessions(members, (id) => store.sessionUser(id)).then(() => recheckAccess(members, decide, () => true));

  // The rules never reach into the rooms: the realtime layer follows the domain events.
  function route(event: DomainEvent) {
    if (event.type === "access.recheckAll") {
      access.forget();
      void recheckAll();
    } else if (event.type === "access.changed") {
      access.forget();
      void recheckAccess(members, decide, (m) => m.forumId === event.forumId && (event.userId === undefined || m.conn.userId === event.userId), { hold: true });
    } else if (event.type === "session.revoked") {
      access.forget();
      endSessions(members, (m) => m.conn.userId === event.userId);
    } else if (event.type === "board.changed") {
      void rooms.loaded(boardRoom(event.groupId)).then((room) => room?.dispatch(event));
    } else if (event.type === "document.appended" || (event.type === "threads.changed" && event.documentId)) {
      void rooms.loaded(documentRoom(event.documentId!)).then((room) => room?.dispatch(event));
    }
  }
  const stopListening = subscribe(route);
  const sweep = setInterval(() => void recheckAll(), options.sweepIntervalMs ?? 30_000);
  sweep.unref();
  const heartbeat = startHeartbeat(wss);
  let closing = false;

  return {
    /** Takes a websocket upgrade if it is ours (/collab/…); returns false to let others have it. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (!(req.url ?? "").startsWith(COLLAB_PATH)) return false;
      const admitted = closing ? { refuse: "503 Service Unavailable" } : admitUpgrade(req);
      if ("refuse" in admitted) {
        socket.end(`HTTP/1.1 ${admitted.refuse}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        heartbeat.watch(ws);
        void connect(ws, req, admitted.ref, admitted.name, ctx);
      });
      return true;
    },

    /** Rooms in memory and open connections (for health checks and benchmarks). */
    stats() {
      return { rooms: rooms.size, connections: members.size };
    },

    /**
     * Stores every open room, then closes every socket with 1012 "service restart" (clients reconnect,
     * to another instance when there is one). Upgrades that arrive meanwhile are refused with 503.
     */
    async close() {
      closing = true;
      stopListening();
      clearInterval(sweep);
      heartbeat.stop();
      await rooms.unloadAll();
      await options.relay?.close();
      for (const ws of wss.clients) ws.close(CLOSE.serviceRestart, "server shutting down");
      wss.close();
      store.close();
    },
  };
}
