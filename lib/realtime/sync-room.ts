import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { Db } from "../db/client.ts";
import { loadGroupBoard, setAnchorMissing, type BoardItem } from "../db/actions.ts";
import { compactDocument } from "../db/documents.ts";
import type { RealtimeStore } from "../db/realtime-store.ts";
import { announceBoardChange } from "./access-events.ts";
import { excerptOf, jsonToYUpdate, ydocToText } from "../editor/render.ts";
import {
  CLOSE, encodeAccess, encodeSaved, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAMRAD, MESSAGE_SYNC,
  type AccessMode,
} from "./protocol.ts";

export interface RoomLimits {
  /** How long updates are collected before one row is written. */
  flushDelayMs: number;
  /** Log rows after which the snapshot is rewritten. */
  compactEveryRows: number;
  /** Largest document (snapshot plus log) a room accepts, in bytes. */
  maxDocumentBytes: number;
  /** Awareness messages per second a connection may send (bursts up to twice that). */
  awarenessPerSecond: number;
  /** A connection whose unsent data exceeds this is too slow to keep up and is dropped. */
  maxBufferedBytes: number;
}

/** One websocket in a room, with what it may do. */
export class Connection {
  /** Awareness client ids this connection has announced (removed when it leaves). */
  readonly awarenessIds = new Set<number>();
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly userId: string,
    public mode: AccessMode,
    private readonly perSecond: number,
  ) {
    this.tokens = perSecond * 2;
  }

  /** Token bucket for awareness updates. */
  takeAwarenessToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.perSecond * 2, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const LOAD_ORIGIN = Symbol("load");
const SERVER_ORIGIN = Symbol("server");
/** How often readers (not authors) are told what is saved, at most. */
const SAVED_COALESCE_MS = 200;
/** How often a document room looks for anchored paragraphs that were deleted (or came back). */
const ANCHOR_CHECK_MS = 1000;

/**
 * A room: one Y.Doc in memory and the connections to it.
 *
 * A document room (`persist`) is the write path of a live document: updates are broadcast at once,
 * collected for a short window, appended as one row, and only then acknowledged as saved; the log
 * is compacted into the snapshot now and then.
 *
 * A board room carries a group's action items as the database has them: the server writes it after
 * each committed change, every connection is read-only, and nothing of it is stored.
 */
export class SyncRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  private pending: Uint8Array[] = [];
  /** Connections whose own edits are in `pending`: they hear "saved" as soon as it is. */
  private pendingAuthors = new Set<Connection>();
  private savedTimer: NodeJS.Timeout | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private persistedStateVector: Uint8Array;
  private lastUpdateRowId = 0;
  private rowsSinceSnapshot = 0;
  private approxBytes = 0;
  private closed = false;
  private anchorCheckAt = 0;
  private anchorTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly db: Db,
    private readonly store: RealtimeStore | null,
    /** The document id (document rooms) or the group id (board rooms). */
    readonly documentId: string,
    private readonly limits: RoomLimits,
    private readonly log: (message: string, error?: unknown) => void,
    readonly persist: boolean,
  ) {
    this.awareness.setLocalState(null);
    this.persistedStateVector = Y.encodeStateVector(this.doc);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on("update", (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwarenessUpdate(change, origin),
    );
  }

  /** A board room filled from the database. */
  static async board(db: Db, groupId: string, limits: RoomLimits, log: (message: string, error?: unknown) => void) {
    const room = new SyncRoom(db, null, groupId, limits, log, false);
    room.applyBoard(await loadGroupBoard(db, groupId));
    return room;
  }

  /** Replaces the board's items with the database's (only what changed is sent). */
  applyBoard(items: BoardItem[]) {
    const map = this.doc.getMap<BoardItem>("items");
    this.doc.transact(() => {
      const seen = new Set<string>();
      for (const item of items) {
        seen.add(item.id);
        if (JSON.stringify(map.get(item.id)) !== JSON.stringify(item)) map.set(item.id, item);
      }
      for (const id of [...map.keys()]) if (!seen.has(id)) map.delete(id);
    }, SERVER_ORIGIN);
  }

  /** Loads a document room: snapshot + log from the database. */
  static async load(db: Db, store: RealtimeStore, documentId: string, limits: RoomLimits, log: (message: string, error?: unknown) => void) {
    const room = new SyncRoom(db, store, documentId, limits, log, true);
    const { title, snapshot, updates } = store.documentState(documentId);
    room.doc.transact(() => {
      if (snapshot) Y.applyUpdate(room.doc, snapshot);
      for (const u of updates) Y.applyUpdate(room.doc, u.data);
    }, LOAD_ORIGIN);
    if (!snapshot && updates.length === 0 && title) {
      // A new document starts with its title as a heading; this first update is stored like any other.
      Y.applyUpdate(room.doc, jsonToYUpdate({ type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: title }] }] }));
    }
    room.persistedStateVector = Y.encodeStateVector(room.doc);
    room.lastUpdateRowId = updates.at(-1)?.id ?? 0;
    room.rowsSinceSnapshot = updates.length;
    room.approxBytes = (snapshot?.length ?? 0) + updates.reduce((n, u) => n + u.data.length, 0);
    return room;
  }

  // ---- connections -------------------------------------------------------------------------

  /** Adds a connection and starts the sync: our state vector, presence, access mode, what is saved. */
  addConnection(ws: WebSocket, userId: string, mode: AccessMode): Connection {
    const conn = new Connection(ws, userId, mode, this.limits.awarenessPerSecond);
    this.connections.set(ws, conn);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.send(conn, encoding.toUint8Array(step1));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) this.send(conn, this.awarenessMessage(states));
    this.tellAccess(conn);
    this.send(conn, encodeSaved(this.persistedStateVector));
    return conn;
  }

  /** Tells a connection what it may do; a read-only one also gets the stock "permission denied". */
  tellAccess(conn: Connection) {
    // Board rooms are read-only by design; only a document tells a reader it is denied writing.
    if (conn.mode === "read" && this.persist) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_AUTH);
      encoding.writeVarUint(e, 0); // y-protocols/auth: permission denied
      encoding.writeVarString(e, "read-only: your edits to this document are not accepted");
      this.send(conn, encoding.toUint8Array(e));
    }
    this.send(conn, encodeAccess(conn.mode));
  }

  removeConnection(ws: WebSocket) {
    const conn = this.connections.get(ws);
    if (!conn) return;
    this.connections.delete(ws);
    if (conn.awarenessIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
  }

  // ---- messages ----------------------------------------------------------------------------

  /** Handles one frame. Anything that does not parse closes that one socket (4400) and is logged. */
  handleMessage(conn: Connection, data: Uint8Array) {
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          this.handleSync(conn, decoder);
          break;
        case MESSAGE_AWARENESS: {
          const update = decoding.readVarUint8Array(decoder);
          // Over the rate the update is dropped, not the connection: the next one carries the newer state.
          if (conn.takeAwarenessToken()) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
          break;
        }
        case MESSAGE_QUERY_AWARENESS:
          this.send(conn, this.awarenessMessage([...this.awareness.getStates().keys()]));
          break;
        case MESSAGE_AUTH:
        case MESSAGE_SAMRAD:
          break;
        default:
          throw new Error(`unknown message type ${type}`);
      }
    } catch (error) {
      this.log(`closing a connection to document ${this.documentId} (user ${conn.userId}): malformed message`, error);
      conn.ws.close(CLOSE.malformed, "malformed message");
    }
  }

  private handleSync(conn: Connection, decoder: decoding.Decoder) {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(this.doc, stateVector));
      this.send(conn, encoding.toUint8Array(reply));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new Error(`unknown sync message ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // A read-only connection's changes are dropped: never applied, broadcast or stored.
    if (conn.mode !== "write") return;
    if (this.approxBytes + update.length > this.limits.maxDocumentBytes) {
      this.log(`document ${this.documentId} is over its size limit; refusing an update from user ${conn.userId}`);
      conn.ws.close(CLOSE.tooLarge, "document too large");
      return;
    }
    Y.applyUpdate(this.doc, update, conn);
    this.approxBytes += update.length;
  }

  private onDocUpdate(update: Uint8Array, origin: unknown) {
    if (origin === LOAD_ORIGIN || this.closed) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
    this.broadcast(encoding.toUint8Array(e), origin instanceof Connection ? origin : null);
    if (!this.persist) return;
    this.pending.push(update);
    if (origin instanceof Connection) this.pendingAuthors.add(origin);
    this.scheduleFlush();
    this.scheduleAnchorCheck();
  }

  /** Anchored paragraphs: marks actions whose block is gone (or back), at most once a second. */
  private scheduleAnchorCheck() {
    if (this.anchorTimer || this.closed) return;
    const wait = Math.max(0, this.anchorCheckAt + ANCHOR_CHECK_MS - Date.now());
    this.anchorTimer = setTimeout(() => {
      this.anchorTimer = null;
      this.anchorCheckAt = Date.now();
      void this.checkAnchors().catch((error) => this.log(`anchor check of document ${this.documentId} failed`, error));
    }, wait);
  }

  private async checkAnchors() {
    const items = this.store!.anchoredItems(this.documentId);
    if (items.length === 0 || this.closed) return;
    const present = blockIds(this.doc.getXmlFragment("default"));
    const gone = items.filter((i) => !i.anchorMissing && !present.has(i.anchorBlockId ?? ""));
    const back = items.filter((i) => i.anchorMissing && present.has(i.anchorBlockId ?? ""));
    if (gone.length === 0 && back.length === 0) return;
    await setAnchorMissing(this.db, gone.map((i) => i.id), true);
    await setAnchorMissing(this.db, back.map((i) => i.id), false);
    for (const groupId of new Set([...gone, ...back].map((i) => i.groupId))) announceBoardChange({ groupId });
  }

  private onAwarenessUpdate({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) {
    if (origin instanceof Connection) {
      for (const id of added) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length) this.broadcast(this.awarenessMessage(changed), origin instanceof Connection ? origin : null);
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(e);
  }

  // ---- sending -----------------------------------------------------------------------------

  send(conn: Connection, data: Uint8Array) {
    const ws = conn.ws;
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.log(`dropping a connection to document ${this.documentId}: it cannot keep up`);
      ws.terminate();
      return;
    }
    ws.send(data, { binary: true }, (error) => {
      if (error) ws.terminate();
    });
  }

  broadcast(data: Uint8Array, except: Connection | null) {
    for (const conn of this.connections.values()) if (conn !== except) this.send(conn, data);
  }

  // ---- persistence -------------------------------------------------------------------------

  private scheduleFlush() {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.limits.flushDelayMs);
  }

  /** Writes everything pending (one flush at a time, so acknowledgements never run ahead of the disk). */
  flush(): Promise<void> {
    this.flushing ??= this.runFlush().finally(() => {
      this.flushing = null;
      if (this.pending.length) this.scheduleFlush();
    });
    return this.flushing;
  }

  private async runFlush() {
    let failures = 0;
    while (this.pending.length) {
      const batch = this.pending;
      const authors = this.pendingAuthors;
      this.pending = [];
      this.pendingAuthors = new Set();
      // Everything applied so far is in this batch or already stored: after the write, this is saved.
      const stateVector = Y.encodeStateVector(this.doc);
      const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
      try {
        this.lastUpdateRowId = this.store!.append(this.documentId, merged);
      } catch (error) {
        this.pending = batch.concat(this.pending);
        for (const a of authors) this.pendingAuthors.add(a);
        failures += 1;
        this.log(`could not store an update of document ${this.documentId} (attempt ${failures}); retrying`, error);
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** failures)));
        continue;
      }
      this.rowsSinceSnapshot += 1;
      this.persistedStateVector = stateVector;
      this.announceSaved(authors);
    }
    if (this.rowsSinceSnapshot >= this.limits.compactEveryRows) await this.compact();
  }

  /**
   * Tells who is waiting for it at once (the authors of what was just stored); everyone else hears
   * it at most every SAVED_COALESCE_MS, which keeps a busy room from sending one extra frame to
   * every connection for every write.
   */
  private announceSaved(authors: Set<Connection>) {
    const message = encodeSaved(this.persistedStateVector);
    for (const conn of authors) if (this.connections.get(conn.ws) === conn) this.send(conn, message);
    if (this.savedTimer) return;
    this.savedTimer = setTimeout(() => {
      this.savedTimer = null;
      if (!this.closed) this.broadcast(encodeSaved(this.persistedStateVector), null);
    }, SAVED_COALESCE_MS);
  }

  /** Folds the log into the snapshot. Only when nothing is pending, so the snapshot holds exactly what is stored. */
  private async compact() {
    if (this.pending.length || this.rowsSinceSnapshot === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    const excerpt = excerptOf(ydocToText(this.doc));
    const upTo = this.lastUpdateRowId;
    try {
      await compactDocument(this.db, this.documentId, state, upTo, excerpt);
      this.rowsSinceSnapshot = 0;
      this.approxBytes = state.length;
    } catch (error) {
      this.log(`could not compact document ${this.documentId}; the log is kept`, error);
    }
  }

  /** The persisted state vector (what clients are told is saved). */
  savedStateVector(): Uint8Array {
    return this.persistedStateVector;
  }

  /** Stores what is pending, compacts, and frees the document. */
  async unload() {
    if (this.timer) clearTimeout(this.timer);
    if (this.anchorTimer) clearTimeout(this.anchorTimer);
    if (this.savedTimer) clearTimeout(this.savedTimer);
    this.savedTimer = null;
    this.timer = null;
    this.anchorTimer = null;
    if (this.persist) {
      await this.flush();
      await this.compact();
    }
    this.closed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Ids of every block element (data-id) in a document's XML tree. */
function blockIds(fragment: Y.XmlFragment | Y.XmlElement, out = new Set<string>()): Set<string> {
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) {
      const id = child.getAttribute("id");
      if (typeof id === "string") out.add(id);
      blockIds(child, out);
    }
  }
  return out;
}
