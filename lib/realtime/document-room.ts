import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../editor/extensions.ts";
import { textOf } from "./block-id-guard.ts";
import { Connection } from "./connection.ts";
import { EditStretches } from "./edit-stretches.ts";
import { encodeSaved, encodeThreadsChanged, MESSAGE_AUTH } from "./protocol.ts";
import type { DocRelay, RelayTarget, RoomLink } from "./doc-relay.ts";
import { LOAD_ORIGIN, REMOTE_AWARENESS, Room, SERVER_ORIGIN, STORED_ORIGIN, type ExtensionFactory, type Log, type RoomLimits } from "./room.ts";
import type { RoomStore } from "./room-store.ts";
import { documentRoom } from "./rooms.ts";

export interface DocumentRoomLimits extends RoomLimits {
  /** How long updates are collected before one row is written. */
  flushDelayMs: number;
  /** Log rows after which the snapshot is rewritten. */
  compactEveryRows: number;
  /** A user's edits further apart than this are separate changes in the grouped change notices (default 5 minutes). */
  editStretchGapMs?: number;
  /**
   * How long an update relayed by another instance may stay without that instance's stored marker
   * before this room stores it itself (the other instance died or its database stalled). Default 2 s.
   */
  adoptAfterMs?: number;
}

/** The default wait before a relayed update nobody has marked stored is stored here too. */
export const ADOPT_AFTER_MS = 2000;

/**
 * Origin of an update another instance relayed (docs/scale-out.md): applied and broadcast here,
 * stored by its own instance (or adopted by this room when that instance does not say it stored it).
 */
export class RemoteOrigin {
  constructor(
    readonly instance: string,
    readonly seq: number,
  ) {}
}

/** A relayed update not known to be stored yet: what it changed here, and where each client's part starts. */
interface Unstored {
  seq: number;
  update: Uint8Array;
  from: Map<number, number>;
  /** When this room stores it itself if no stored marker came. */
  adoptAt: number;
}

/** Lowers `into`'s clock of every client in `from` to `from`'s, adding missing clients. */
function lowerInto(into: Map<number, number>, from: Map<number, number>) {
  for (const [client, clock] of from) into.set(client, Math.min(into.get(client) ?? clock, clock));
}

/** Where each client's structs in an update start (for the "saved" state vector). */
function startsOf(update: Uint8Array): Map<number, number> {
  return Y.parseUpdateMeta(update).from;
}

/** The default pause after which a user's next edit begins a new change. */
export const EDIT_STRETCH_GAP_MS = 5 * 60_000;

/** How often readers (not authors) are told what is saved, at most. */
const SAVED_COALESCE_MS = 200;

/**
 * Removes the first block of a document's text when it is a level-1 heading equal to the title (the
 * copy documents used to start with). Returns whether it did.
 */
export function dropTitleCopy(doc: Y.Doc, title: string): boolean {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const first = fragment.length ? fragment.get(0) : null;
  const wanted = title.replace(/\s+/g, " ").trim();
  if (!wanted || !(first instanceof Y.XmlElement) || first.nodeName !== "heading") return false;
  if (Number(first.getAttribute("level")) !== 1 || textOf(first).replace(/\s+/g, " ").trim() !== wanted) return false;
  doc.transact(() => fragment.delete(0, 1), SERVER_ORIGIN);
  return true;
}

/**
 * The write path of a live document: updates are broadcast at once, collected for a short window,
 * appended as one row, and only then acknowledged as saved; the log is folded into the snapshot
 * every `compactEveryRows` rows and when the room is unloaded (by the store, off the event loop).
 */
export class DocumentRoom extends Room implements RelayTarget {
  private pending: Uint8Array[] = [];
  /** Where each client's part of the batch being written starts (what is not written yet is not saved). */
  private writingFrom = new Map<number, number>();
  /** Other instances (through Redis), when the sync server relays rooms. */
  private relay: RoomLink | null = null;
  /** The sequence number of this room's latest relayed turn. */
  private relayedSeq = 0;
  /** The newest sequence number a stored marker was sent for. */
  private markedSeq = 0;
  /** Relayed updates per origin instance that no stored marker has covered yet (they are not "saved" here). */
  private remoteUnstored = new Map<string, Unstored[]>();
  private adoptTimer: NodeJS.Timeout | null = null;
  /** When the relayed change being applied will be adopted (set just before each remote apply). */
  private adoptAtNext = 0;
  /** Connections whose own edits are in `pending`: they hear "saved" as soon as it is. */
  private pendingAuthors = new Set<Connection>();
  private savedTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private persistedStateVector: Uint8Array;
  private lastUpdateRowId = 0;
  private rowsSinceSnapshot = 0;
  /** Log rows this room holds (loaded, written, or applied from elsewhere): compaction folds only these. */
  private logRows = new Set<number>();
  /** Changes per editor for the grouped change notices; stored with the next row. Only clients' edits count. */
  private readonly stretches: EditStretches;

  private constructor(
    readonly documentId: string,
    private readonly roomStore: RoomStore,
    private readonly docLimits: DocumentRoomLimits,
    log: Log,
  ) {
    super(documentRoom(documentId), docLimits, log);
    this.stretches = new EditStretches(docLimits.editStretchGapMs ?? EDIT_STRETCH_GAP_MS);
    this.persistedStateVector = Y.encodeStateVector(this.doc);
  }

  /** onLoadDocument: snapshot + log from the store, then the extensions are plugged in. */
  static async load(store: RoomStore, documentId: string, limits: DocumentRoomLimits, log: Log, extensions: readonly ExtensionFactory<DocumentRoom>[] = []) {
    const room = new DocumentRoom(documentId, store, limits, log);
    const { title, snapshot, updates, editors } = await store.loadDocument(documentId);
    for (const e of editors ?? []) room.stretches.remember(e.userId, e.lastEditAt);
    room.doc.transact(() => {
      if (snapshot) Y.applyUpdate(room.doc, snapshot);
      for (const u of updates) Y.applyUpdate(room.doc, u.data);
    }, LOAD_ORIGIN);
    room.persistedStateVector = Y.encodeStateVector(room.doc);
    room.lastUpdateRowId = updates.at(-1)?.id ?? 0;
    room.rowsSinceSnapshot = updates.length;
    for (const u of updates) room.logRows.add(u.id);
    room.approxBytes = (snapshot?.length ?? 0) + updates.reduce((n, u) => n + u.data.length, 0);
    // A document stored as one snapshot (every room compacts when it unloads) is sent as stored.
    if (snapshot && updates.length === 0) room.image = snapshot;
    room.use(extensions);
    // A new document's text starts empty: its title is metadata, shown as the page's heading.
    // Documents made before that began with a level-1 heading copying the title; it goes (a change
    // stored like any other) so the title is in one place and a rename is not contradicted by the text.
    dropTitleCopy(room.doc, title);
    return room;
  }

  /** Readers also get the stock "permission denied"; everyone learns what is saved. */
  protected override greet(conn: Connection) {
    if (conn.mode === "read") {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_AUTH);
      encoding.writeVarUint(e, 0); // y-protocols/auth: permission denied
      encoding.writeVarString(e, "read-only: your edits to this document are not accepted");
      this.send(conn, encoding.toUint8Array(e));
    }
    super.greet(conn);
    this.send(conn, encodeSaved(this.persistedStateVector));
  }

  /**
   * onChange: every change (a client's or the server's) is queued for the next row, unless it is
   * already stored. A client's edit also counts towards its user's changes; the server's own
   * (restores, block-id repairs) never do. A change relayed by another instance is stored there:
   * here it waits for that instance's stored marker.
   */
  protected override afterChange(update: Uint8Array, origin: unknown) {
    if (origin === STORED_ORIGIN) return;
    if (origin instanceof RemoteOrigin) {
      this.noteRemoteUnstored(origin, update);
      return;
    }
    this.pending.push(update);
    if (origin instanceof Connection) {
      this.pendingAuthors.add(origin);
      this.stretches.note(origin.userId);
    }
    this.scheduleFlush();
  }

  // ---- onStoreDocument ---------------------------------------------------------------------

  private scheduleFlush() {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, this.docLimits.flushDelayMs);
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
      // Every pending change has been relayed (in a turn with a sequence number up to `covered`).
      this.sendChanges();
      const covered = this.relayedSeq;
      const batch = this.pending;
      // Relayed updates not yet marked stored go into this row too: this room's own edits may build
      // on them (a Yjs item names its neighbours), and a row whose neighbours are not stored could
      // not be read back if their instance died before storing them. A duplicate is harmless.
      for (const entries of this.remoteUnstored.values()) for (const u of entries) batch.push(u.update);
      this.remoteUnstored.clear();
      const authors = this.pendingAuthors;
      this.pending = [];
      this.pendingAuthors = new Set();
      const tallies = this.stretches.take();
      const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
      this.writingFrom = startsOf(merged);
      try {
        this.noteLogRow(await this.roomStore.appendUpdate(this.documentId, merged, tallies));
      } catch (error) {
        this.pending = batch.concat(this.pending);
        this.writingFrom = new Map();
        for (const a of authors) this.pendingAuthors.add(a);
        this.stretches.giveBack(tallies);
        failures += 1;
        this.log(`could not store an update of ${this.name} (attempt ${failures}); retrying`, error);
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** failures)));
        continue;
      }
      this.writingFrom = new Map();
      this.persistedStateVector = this.savedStateVector();
      this.announceSaved(authors);
      // The other instances' rooms may count this instance's relayed updates up to `covered` as saved.
      if (this.relay && covered > this.markedSeq) {
        this.markedSeq = covered;
        this.relay.publishStored(covered);
      }
    }
    // The store compacts off the event loop, from what is stored; writes go on meanwhile.
    if (this.rowsSinceSnapshot >= this.docLimits.compactEveryRows) void this.compact();
  }

  private noteLogRow(id: number) {
    if (this.logRows.has(id)) return;
    this.logRows.add(id);
    this.rowsSinceSnapshot += 1;
    this.lastUpdateRowId = Math.max(this.lastUpdateRowId, id);
  }

  /**
   * What is saved: the document's state vector, each client's clock lowered to where the first of
   * its changes not yet known to be stored begins (pending here, being written here, or relayed by
   * another instance without its stored marker). Everything else in the doc was loaded, written by
   * this room, applied as stored, or marked stored by the instance that wrote it.
   */
  private savedStateVector(): Uint8Array {
    const unsaved = new Map(this.writingFrom);
    for (const update of this.pending) lowerInto(unsaved, startsOf(update));
    for (const entries of this.remoteUnstored.values()) for (const u of entries) lowerInto(unsaved, u.from);
    if (unsaved.size === 0) return Y.encodeStateVector(this.doc);
    const sv = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const [client, clock] of unsaved) if (sv.has(client)) sv.set(client, Math.min(sv.get(client)!, clock));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, sv.size);
    for (const [client, clock] of sv) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, clock);
    }
    return encoding.toUint8Array(e);
  }

  /**
   * Applies an update that is already a row of the log (written by a command, such as a restored
   * version): everyone in the room receives it, nothing is written again, and it counts as saved.
   */
  applyStored(update: Uint8Array, rowId: number) {
    if (this.closed) return;
    Y.applyUpdate(this.doc, update, STORED_ORIGIN);
    this.approxBytes += update.length;
    this.noteLogRow(rowId);
    this.persistedStateVector = this.savedStateVector();
    this.announceSaved(new Set(this.connections.values()));
  }

  // ---- other instances (docs/scale-out.md, step 10) -------------------------------------------

  /** Links the room to the relay: what is retained in its stream is applied before this resolves. */
  async connectRelay(relay: DocRelay): Promise<void> {
    if (this.closed || this.relay) return;
    this.relay = relay.attach(this);
    await this.relay.ready;
  }

  /** One turn's own changes (clients' and the server's, not those relayed or already stored) go to the other instances. */
  protected override afterTurn(queued: readonly { update: Uint8Array; source: unknown }[], all: () => Uint8Array) {
    if (!this.relay) return;
    const own = queued.filter((q) => q.source !== STORED_ORIGIN && !(q.source instanceof RemoteOrigin));
    if (!own.length) return;
    const merged = own.length === queued.length ? all() : own.length === 1 ? own[0]!.update : Y.mergeUpdates(own.map((q) => q.update));
    this.relayedSeq = this.relay.publishUpdate(merged);
  }

  /** Presence of this room's own connections (stamped with their sessions' names) goes to the other instances. */
  protected override afterAwareness(update: Uint8Array, origin: unknown) {
    void origin;
    if (this.relay && !this.closed) this.relay.publishAwareness(update);
  }

  applyRemoteUpdate(origin: string, seq: number, update: Uint8Array, sentAt: number) {
    if (this.closed) return;
    this.adoptAtNext = Math.min(Date.now(), sentAt) + (this.docLimits.adoptAfterMs ?? ADOPT_AFTER_MS);
    Y.applyUpdate(this.doc, update, new RemoteOrigin(origin, seq));
    this.approxBytes += update.length;
  }

  /** A relayed update that changed this doc: unsaved here until its instance marks it stored. */
  private noteRemoteUnstored(origin: RemoteOrigin, update: Uint8Array) {
    const entries = this.remoteUnstored.get(origin.instance) ?? [];
    entries.push({ seq: origin.seq, update, from: startsOf(update), adoptAt: this.adoptAtNext });
    this.remoteUnstored.set(origin.instance, entries);
    this.scheduleAdoption();
  }

  remoteStored(origin: string, seq: number) {
    const entries = this.remoteUnstored.get(origin);
    if (!entries || this.closed) return;
    const left = entries.filter((u) => u.seq > seq);
    if (left.length === entries.length) return;
    if (left.length) this.remoteUnstored.set(origin, left);
    else this.remoteUnstored.delete(origin);
    this.persistedStateVector = this.savedStateVector();
    this.announceSaved(new Set());
  }

  private scheduleAdoption() {
    if (this.adoptTimer || this.closed) return;
    let next = Infinity;
    for (const entries of this.remoteUnstored.values()) for (const u of entries) next = Math.min(next, u.adoptAt);
    if (next === Infinity) return;
    this.adoptTimer = setTimeout(() => {
      this.adoptTimer = null;
      this.adoptDue();
    }, Math.max(0, next - Date.now()));
  }

  /** Relayed updates whose instance never said it stored them are stored by this room (a duplicate row is harmless). */
  private adoptDue() {
    if (this.closed) return;
    const now = Date.now();
    let adopted = 0;
    for (const [origin, entries] of this.remoteUnstored) {
      const due = entries.filter((u) => u.adoptAt <= now);
      if (!due.length) continue;
      for (const u of due) this.pending.push(u.update);
      adopted += due.length;
      const left = entries.filter((u) => u.adoptAt > now);
      if (left.length) this.remoteUnstored.set(origin, left);
      else this.remoteUnstored.delete(origin);
      this.log(`storing ${due.length} update(s) of ${this.name} relayed by instance ${origin}, which did not say it stored them`);
    }
    if (adopted) this.scheduleFlush();
    this.scheduleAdoption();
  }

  applyRemoteAwareness(update: Uint8Array) {
    if (this.closed) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_AWARENESS);
  }

  localAwareness(): Uint8Array | null {
    const own = [...this.awareness.getStates().keys()].filter((id) => id !== this.awareness.clientID && !this.remoteAwarenessIds.has(id));
    return own.length ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, own) : null;
  }

  fullState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  async catchUpFromStore(): Promise<void> {
    if (this.closed) return;
    const { snapshot, updates } = await this.roomStore.loadDocument(this.documentId);
    if (this.closed) return;
    const stored = [...(snapshot ? [snapshot] : []), ...updates.map((u) => u.data)];
    // Stored already: broadcast what is new here, never stored again.
    if (stored.length) Y.applyUpdate(this.doc, stored.length === 1 ? stored[0]! : Y.mergeUpdates(stored), STORED_ORIGIN);
    for (const u of updates) this.noteLogRow(u.id);
    this.persistedStateVector = this.savedStateVector();
    this.announceSaved(new Set());
  }

  /**
   * Rows written by others that this room has not applied yet (a command's commit racing the
   * event that announces it) are applied before a compaction deletes them, so the snapshot never
   * drops a stored row.
   */
  private async catchUpLog(upTo: number) {
    const ids = await this.roomStore.updateIds(this.documentId, upTo);
    if (ids.every((id) => this.logRows.has(id))) return;
    const { updates } = await this.roomStore.loadDocument(this.documentId);
    for (const u of updates) if (u.id <= upTo && !this.logRows.has(u.id)) this.applyStored(u.data, u.id);
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

  /**
   * Folds the stored log into the snapshot (one compaction at a time). The store folds exactly the
   * rows up to the last one this room wrote, from the database; edits that arrive meanwhile are
   * appended after them and stay in the log for the next round.
   */
  compact(): Promise<void> {
    this.compacting ??= this.runCompact().finally(() => (this.compacting = null));
    return this.compacting;
  }

  private async runCompact() {
    if (this.rowsSinceSnapshot === 0) return;
    const upTo = this.lastUpdateRowId;
    const sizeBefore = this.approxBytes;
    try {
      // Rows others stored (a command's commit racing its event) reach this room's doc too.
      await this.catchUpLog(upTo);
      const { bytes, skipped } = await this.roomStore.compactDocument(this.documentId, upTo);
      // Not compacted now (another instance holds the document): the rows stay counted for the next round.
      if (skipped) return;
      for (const id of this.logRows) if (id <= upTo) this.logRows.delete(id);
      this.rowsSinceSnapshot = this.logRows.size;
      this.approxBytes = bytes + Math.max(0, this.approxBytes - sizeBefore);
    } catch (error) {
      this.log(`could not compact ${this.name}; the log is kept`, error);
    }
  }

  /** Tells every open editor that the comment threads changed (they fetch them again). */
  announceThreads() {
    if (!this.closed) this.broadcast(encodeThreadsChanged(), null);
  }

  /** onUnload: stores what is pending and compacts. */
  protected override async store() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.savedTimer) clearTimeout(this.savedTimer);
    this.flushTimer = null;
    this.savedTimer = null;
    // Relayed updates already due for adoption are stored with the rest (their instance may be gone).
    this.adoptDue();
    await this.flush();
    // Stored (and marked) above; what others relay from now on is theirs to store.
    if (this.adoptTimer) clearTimeout(this.adoptTimer);
    this.adoptTimer = null;
    this.relay?.leave();
    this.relay = null;
    await this.compacting;
    await this.compact();
    await this.roomStore.forgetDocument?.(this.documentId).catch(() => undefined);
  }
}
