import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { DomainEvent } from "../events/bus.ts";
import { Connection } from "./connection.ts";
import { CLOSE, encodeAccess, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAMRAD, MESSAGE_SYNC, type AccessMode } from "./protocol.ts";

export type Log = (message: string, error?: unknown) => void;

/** Who is behind a connection, as the session says (presence shows this, never what the client claims). */
export interface ConnectionUser {
  id: string;
  name: string;
}

export interface RoomLimits {
  /** Largest document (snapshot plus log) a room accepts, in bytes. */
  maxDocumentBytes: number;
  /** Awareness messages per second a connection may send (bursts up to twice that). */
  awarenessPerSecond: number;
  /** A connection whose unsent data exceeds this is too slow to keep up and is dropped. */
  maxBufferedBytes: number;
}

/** Origin of the transaction that fills a room from storage: not broadcast, not stored again. */
export const LOAD_ORIGIN = Symbol("load");
/** Origin of every change the server itself makes (board refreshes, block-id repairs). */
export const SERVER_ORIGIN = Symbol("server");
/**
 * Origin of an update that is already in the database (appended by a command, e.g. restoring a
 * version): broadcast to the room like any change, but never queued to be stored again.
 */
export const STORED_ORIGIN = Symbol("stored");
/**
 * Origin of awareness states another instance relayed (docs/scale-out.md): already vetted there,
 * shown to this room's sockets, never relayed again.
 */
export const REMOTE_AWARENESS = Symbol("remote awareness");

/** A state vector that names no client: what a new, empty document sends in its sync step 1. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return decoding.readVarUint(decoding.createDecoder(stateVector)) === 0;
}

/**
 * A small part plugged into a room (Hocuspocus's extensions). Made per room by a factory that gets
 * the room, so its state (timers, queues) lives and dies with the room.
 */
export interface RoomExtension {
  /** After any change to the room's doc was applied and broadcast (not the load itself). */
  onChange?(update: Uint8Array, origin: unknown): void;
  /** A domain event concerning this room (routed by the server). */
  onEvent?(event: DomainEvent): void;
  /** The room is about to be stored for the last time and freed: finish or cancel pending work. */
  onUnload?(): void | Promise<void>;
}

export type ExtensionFactory<R> = (room: R) => RoomExtension;

/**
 * The base room: one Y.Doc in memory and the connections to it, speaking the stock y-websocket
 * protocol (sync step 1/2, update, awareness, query-awareness, auth) plus our MESSAGE_SAMRAD
 * addition, with the per-connection limits. What a change means beyond the broadcast (storing it,
 * watching it) belongs to the subclasses and their extensions.
 */
export abstract class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  /** Which connection owns each awareness client id: nobody else may announce or remove it. */
  private readonly awarenessOwners = new Map<number, Connection>();
  /** Awareness client ids whose states other instances relayed: no connection of this room may take them. */
  protected readonly remoteAwarenessIds = new Set<number>();
  /** Rough size of the document (stored state plus accepted updates), for the size limit. */
  protected approxBytes = 0;
  /**
   * The whole document as one stored update, while the doc has not changed since it was loaded
   * from it: a client that has nothing yet (an empty state vector) gets these bytes as they are,
   * without the document being encoded again.
   */
  protected image: Uint8Array | null = null;
  protected closed = false;
  private extensions: RoomExtension[] = [];
  /**
   * Changes of this event-loop turn not yet broadcast, in order, each with the connection it came
   * from. A burst (a client's socket delivers many updates in one read) goes out as one merged
   * update per connection instead of one frame per update per connection.
   */
  private outgoing: { update: Uint8Array; origin: Connection | null; source: unknown }[] = [];
  private outgoingScheduled = false;

  protected constructor(
    /** The room's name (document.<id>, board.<id>), for logs. */
    readonly name: string,
    protected readonly limits: RoomLimits,
    protected readonly log: Log,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on("update", (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwarenessUpdate(change, origin),
    );
  }

  /** Plugs the extensions in (after the room is loaded, so loading triggers none of them). */
  protected use<R extends Room>(this: R, factories: readonly ExtensionFactory<R>[]) {
    this.extensions = factories.map((make) => make(this));
  }

  // ---- connections -------------------------------------------------------------------------

  /** Adds a connection and starts the sync: our state vector, presence, access mode (and what subclasses add). */
  addConnection(ws: WebSocket, user: ConnectionUser, mode: AccessMode): Connection {
    const conn = new Connection(ws, user.id, user.name, mode, this.limits.awarenessPerSecond);
    // Changes made before it joined reach it through the sync, not the broadcast.
    this.sendChanges();
    this.connections.set(ws, conn);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.send(conn, encoding.toUint8Array(step1));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) this.send(conn, this.awarenessMessage(states));
    this.greet(conn);
    return conn;
  }

  /** The last messages of a new connection's handshake: what it may do. */
  protected greet(conn: Connection) {
    this.send(conn, encodeAccess(conn.mode));
  }

  removeConnection(ws: WebSocket) {
    const conn = this.connections.get(ws);
    if (!conn) return;
    this.connections.delete(ws);
    for (const id of conn.awarenessIds) if (this.awarenessOwners.get(id) === conn) this.awarenessOwners.delete(id);
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
          if (!conn.takeAwarenessToken()) break;
          const vetted = this.vetAwareness(conn, update);
          if (vetted) awarenessProtocol.applyAwarenessUpdate(this.awareness, vetted, conn);
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
      this.log(`closing a connection to ${this.name} (user ${conn.userId}): malformed message`, error);
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
      encoding.writeVarUint8Array(reply, this.image && isEmptyStateVector(stateVector) ? this.image : Y.encodeStateAsUpdate(this.doc, stateVector));
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
      this.log(`${this.name} is over its size limit; refusing an update from user ${conn.userId}`);
      conn.ws.close(CLOSE.tooLarge, "document too large");
      return;
    }
    Y.applyUpdate(this.doc, update, conn);
    this.approxBytes += update.length;
  }

  private onDocUpdate(update: Uint8Array, origin: unknown) {
    if (origin === LOAD_ORIGIN || this.closed) return;
    this.image = null;
    this.outgoing.push({ update, origin: origin instanceof Connection ? origin : null, source: origin });
    if (!this.outgoingScheduled) {
      this.outgoingScheduled = true;
      // setImmediate runs right after this turn's reads (same loop iteration), so the wait is at most a turn.
      setImmediate(() => {
        this.outgoingScheduled = false;
        this.sendChanges();
      });
    }
    this.afterChange(update, origin);
    for (const extension of this.extensions) extension.onChange?.(update, origin);
  }

  /** What the room itself does with a change after the broadcast (a document queues it for storage). */
  protected afterChange(update: Uint8Array, origin: unknown): void {
    void update;
    void origin;
  }

  /** Hands a domain event to the room's extensions. */
  dispatch(event: DomainEvent) {
    if (this.closed) return;
    for (const extension of this.extensions) extension.onEvent?.(event);
  }

  /**
   * Presence is the server's word, not the client's: entries for client ids this connection does not
   * own are dropped (it owns the first id it announces that nobody else holds, and only that one),
   * and every state it keeps carries the signed-in user's id and name. Returns the rewritten update,
   * or null when nothing is left.
   */
  private vetAwareness(conn: Connection, update: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { clientId: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (clientId === this.awareness.clientID || this.remoteAwarenessIds.has(clientId)) continue;
      const owner = this.awarenessOwners.get(clientId);
      if (owner && owner !== conn) continue;
      if (!owner) {
        // A removal of an id nobody owns changes nothing; a connection that owns an id gets no second.
        if (state === null || conn.awarenessIds.size) continue;
        this.awarenessOwners.set(clientId, conn);
        conn.awarenessIds.add(clientId);
      }
      if (state === null) {
        kept.push({ clientId, clock, state: "null" });
        continue;
      }
      if (typeof state !== "object" || Array.isArray(state)) continue;
      const claimed = (state as { user?: unknown }).user;
      const user: Record<string, unknown> = claimed && typeof claimed === "object" && !Array.isArray(claimed) ? { ...claimed } : {};
      // Only a plain hex colour reaches other browsers (it ends up in a style attribute).
      if (typeof user.color !== "string" || !/^#[0-9a-fA-F]{3,8}$/.test(user.color)) delete user.color;
      user.id = conn.userId;
      user.name = conn.userName;
      kept.push({ clientId, clock, state: JSON.stringify({ ...state, user }) });
    }
    if (!kept.length) return null;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.state);
    }
    return encoding.toUint8Array(e);
  }

  private onAwarenessUpdate({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) {
    const changed = [...added, ...updated, ...removed];
    if (!changed.length) return;
    // Only states of this room's own connections are handed on (a remote state timing out here is not news elsewhere).
    const own = origin === REMOTE_AWARENESS ? [] : changed.filter((id) => !this.remoteAwarenessIds.has(id));
    if (origin === REMOTE_AWARENESS) for (const id of [...added, ...updated]) this.remoteAwarenessIds.add(id);
    for (const id of removed) this.remoteAwarenessIds.delete(id);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(this.awarenessFrame(update), origin instanceof Connection ? origin : null);
    if (own.length) this.afterAwareness(own.length === changed.length ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, own), origin);
  }

  /** What the room itself does with a change of its own connections' presence after the broadcast (a document relays it to other instances). */
  protected afterAwareness(update: Uint8Array, origin: unknown): void {
    void update;
    void origin;
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    return this.awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  private awarenessFrame(update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  }

  // ---- sending -----------------------------------------------------------------------------

  /**
   * Broadcasts the changes queued this turn: one sync-update frame per connection, made of every
   * queued change but its own, merged and encoded once per distinct origin (not per connection).
   * The turn's changes are also handed to `afterTurn` (a document relays them to other instances).
   */
  protected sendChanges() {
    const queued = this.outgoing;
    if (!queued.length) return;
    this.outgoing = [];
    const origins = new Set(queued.map((q) => q.origin));
    let mergedAll: Uint8Array | null = null;
    const all = () => (mergedAll ??= queued.length === 1 ? queued[0]!.update : Y.mergeUpdates(queued.map((q) => q.update)));
    this.afterTurn(queued, all);
    const frames = new Map<Connection | null, Uint8Array | null>();
    const frameWithout = (except: Connection | null) => {
      if (frames.has(except)) return frames.get(except)!;
      const updates = queued.filter((q) => except === null || q.origin !== except).map((q) => q.update);
      let frame: Uint8Array | null = null;
      if (updates.length) {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MESSAGE_SYNC);
        syncProtocol.writeUpdate(e, updates.length === queued.length ? all() : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
        frame = encoding.toUint8Array(e);
      }
      frames.set(except, frame);
      return frame;
    };
    for (const conn of this.connections.values()) {
      const frame = frameWithout(origins.has(conn) ? conn : null);
      if (frame) this.write(conn, frame);
    }
  }

  /**
   * The changes of one turn, in order, with the origin of each (`all` merges them, once, shared with
   * the broadcast). Called before they are broadcast.
   */
  protected afterTurn(queued: readonly { update: Uint8Array; source: unknown }[], all: () => Uint8Array): void {
    void queued;
    void all;
  }

  /** Sends one frame; changes queued earlier go first, so every connection gets frames in order. */
  protected send(conn: Connection, data: Uint8Array) {
    this.sendChanges();
    this.write(conn, data);
  }

  private write(conn: Connection, data: Uint8Array) {
    const ws = conn.ws;
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.log(`dropping a connection to ${this.name}: it cannot keep up`);
      ws.terminate();
      return;
    }
    ws.send(data, { binary: true }, (error) => {
      if (error) ws.terminate();
    });
  }

  protected broadcast(data: Uint8Array, except: Connection | null) {
    this.sendChanges();
    for (const conn of this.connections.values()) if (conn !== except) this.write(conn, data);
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /** Lets the extensions finish, stores what is left, and frees the document. */
  async unload(): Promise<void> {
    for (const extension of this.extensions) {
      try {
        await extension.onUnload?.();
      } catch (error) {
        this.log(`an extension of ${this.name} failed while unloading`, error);
      }
    }
    await this.store();
    this.closed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** The last store before the room is freed (onStoreDocument). */
  protected async store(): Promise<void> {}
}
