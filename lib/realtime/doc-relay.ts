import { randomBytes } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { Redis } from "ioredis";
import * as Y from "yjs";
import { throttled } from "../events/redis-bridge.ts";
import { quitOrDrop } from "../redis/shared.ts";

// Live document rooms across instances (issue #16 step 10, docs/scale-out.md). Every instance that
// holds a document room relays the room's own changes through a Redis stream per document,
// `<prefix>doc:<documentId>`, and its presence through pub/sub, `<prefix>aw:<documentId>`. One
// blocking XREAD per process reads the streams of all its rooms. The stream holds two kinds of
// entries, each with the origin instance `o` and that instance's sequence number `q`:
//   k=u  an update (`d`: the merged Yjs update of one event-loop turn of the origin's room);
//   k=s  a stored marker: the origin has committed every update of its with a sequence number ≤ q.
// Entries are trimmed to the last RETAIN_MS and the key expires when the room is idle.

/** How long stream entries are kept (a room that opens late reads them all). */
export const RELAY_RETAIN_MS = 60_000;
/** A stream nobody has written to for this long disappears. */
const IDLE_EXPIRE_MS = 2 * RELAY_RETAIN_MS;
/** The largest update relayed (pub/sub and stream entries should stay small; bigger ones reach other instances when they reload). */
export const MAX_RELAYED_UPDATE_BYTES = 8 * 1024 * 1024;
/** The longest a blocking read waits before it is issued again (new rooms also interrupt it at once). */
const BLOCK_MS = 2000;
/** Entries read at once per stream. */
const READ_COUNT = 500;

/** The longest a room's opening waits for Redis. */
const ATTACH_WAIT_MS = 2000;

/** `promise`, or a rejection after `ms`. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const AWARENESS_UPDATE = 0;
const AWARENESS_QUERY = 1;

/** What a relayed room offers the relay. */
export interface RelayTarget {
  readonly documentId: string;
  /** An update another instance's room made (`sentAt`: when it entered the stream, Redis's clock). */
  applyRemoteUpdate(origin: string, seq: number, update: Uint8Array, sentAt: number): void;
  /** The origin instance has stored every update of its up to `seq`. */
  remoteStored(origin: string, seq: number): void;
  /** Awareness states another instance's room relayed (already vetted there). */
  applyRemoteAwareness(update: Uint8Array): void;
  /** The states of this room's own connections (for a room that opened elsewhere), or null. */
  localAwareness(): Uint8Array | null;
  /** The room's whole state, sent again after updates of it could not be relayed (Redis was away). */
  fullState(): Uint8Array;
  /** Applies what the database holds that the room lacks (entries may have been trimmed while the reader was away). */
  catchUpFromStore(): Promise<void>;
}

/** One room's link to the relay. */
export interface RoomLink {
  /** Resolves when the retained stream has been read and applied (and reading goes on from there). */
  ready: Promise<void>;
  /** Relays one turn's update; returns its sequence number. */
  publishUpdate(update: Uint8Array): number;
  /** Everything of this instance up to `seq` is committed. */
  publishStored(seq: number): void;
  publishAwareness(update: Uint8Array): void;
  /** The room is gone: nothing more is read for it. */
  leave(): void;
}

export interface DocRelayOptions {
  url: string;
  prefix: string;
  instanceId: string;
  log?: (message: string, error?: unknown) => void;
}

interface Member {
  target: RelayTarget;
  /** The last stream id read; null until the retained stream has been read. */
  lastId: string | null;
  /** Updates of this room could not be relayed: its whole state is sent once Redis answers. */
  lost: boolean;
}

const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;
const SEQ = /^\d{1,15}$/;

/** The fields of a stream entry, by name (values kept as bytes). */
function fieldsOf(raw: Buffer[]): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < raw.length; i += 2) fields.set(raw[i]!.toString(), raw[i + 1]!);
  return fields;
}

export type ParsedEntry =
  | { kind: "update"; origin: string; seq: number; update: Uint8Array }
  | { kind: "stored"; origin: string; seq: number }
  | { kind: "malformed"; reason: string };

/** Checks one stream entry. Anything unexpected is malformed, never thrown. */
export function parseEntry(raw: Buffer[]): ParsedEntry {
  const fields = fieldsOf(raw);
  const origin = fields.get("o")?.toString();
  const kind = fields.get("k")?.toString();
  const seq = fields.get("q")?.toString();
  if (!origin || origin.length > 200) return { kind: "malformed", reason: "no origin" };
  if (!seq || !SEQ.test(seq)) return { kind: "malformed", reason: "no sequence number" };
  if (kind === "s") return { kind: "stored", origin, seq: Number(seq) };
  if (kind !== "u") return { kind: "malformed", reason: `unknown kind ${String(kind).slice(0, 20)}` };
  const data = fields.get("d");
  if (!data || data.length === 0 || data.length > MAX_RELAYED_UPDATE_BYTES) return { kind: "malformed", reason: "no update or too large" };
  const update = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  try {
    // Decodes every struct: bytes that are not a Yjs update throw here, before any document sees them.
    Y.parseUpdateMeta(update);
  } catch (error) {
    return { kind: "malformed", reason: `not a Yjs update (${error instanceof Error ? error.message : String(error)})` };
  }
  return { kind: "update", origin, seq: Number(seq), update };
}

/**
 * The process's relay: three Redis connections of its own (commands, the blocking reader, the
 * awareness subscriber), the rooms that are linked, and the reader loop. `attach` is made by the
 * sync server for every document room it loads.
 */
export class DocRelay {
  /** This process's name on the wire: the instance id plus a nonce, so a restarted instance is a new origin. */
  readonly origin: string;
  private readonly prefix: string;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly report: (kind: string, message: string, error?: unknown) => void;
  private readonly command: Redis;
  private readonly reader: Redis;
  private readonly subscriber: Redis;
  private readonly members = new Map<string, Member>();
  private seq = 0;
  private closing = false;
  private readerId: number | null = null;
  /** Bumped when the set of streams to read changes; the loop notes which one its read was issued with. */
  private generation = 0;
  private readingGeneration: number | null = null;
  private wakeIdle: (() => void) | null = null;
  private readonly loop: Promise<void>;

  constructor(options: DocRelayOptions) {
    this.origin = `${options.instanceId}/${randomBytes(4).toString("hex")}`;
    this.prefix = options.prefix;
    this.log = options.log ?? ((message: string, error?: unknown) => console.warn(`[relay] ${message}`, error ?? ""));
    this.report = throttled(this.log);
    const common = { retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, 2000), maxRetriesPerRequest: 20 };
    const name = `samrad:${options.instanceId}`;
    this.command = new Redis(options.url, { ...common, connectionName: `${name}:relay` });
    this.reader = new Redis(options.url, { ...common, maxRetriesPerRequest: null, connectionName: `${name}:relay-reader` });
    this.subscriber = new Redis(options.url, { ...common, connectionName: `${name}:relay-awareness` });
    for (const [kind, connection] of [["command", this.command], ["reader", this.reader], ["awareness", this.subscriber]] as const) {
      connection.on("error", (error: unknown) => this.report(`${kind}-error`, `Redis relay ${kind} connection: ${error instanceof Error ? error.message : String(error)}`));
    }
    let readerConnects = 0;
    this.reader.on("ready", () => {
      this.reader.client("ID").then(
        (id) => (this.readerId = Number(id)),
        () => (this.readerId = null),
      );
      // Reading goes on from each room's last id; but entries older than RETAIN_MS are gone, so a
      // reader that was away may have missed some. They are stored by their instances: every room
      // applies what the database has that it lacks.
      readerConnects += 1;
      if (readerConnects === 1 || this.closing) return;
      this.log(`Redis relay: the reader connected again (connection ${readerConnects}); rooms catch up from the database`);
      for (const member of this.members.values()) {
        member.target.catchUpFromStore().catch((error: unknown) => this.report("catch-up", `Redis relay: ${member.target.documentId} could not catch up from the database`, error));
      }
    });
    // Updates that could not be relayed: once Redis answers, the rooms send their whole state (the others apply what they lack).
    this.command.on("ready", () => {
      for (const member of this.members.values()) {
        if (!member.lost) continue;
        member.lost = false;
        this.sendUpdate(member, member.target.fullState());
      }
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => this.onAwareness(channel.toString(), message));
    this.loop = this.readLoop();
  }

  private streamKey(documentId: string) {
    return `${this.prefix}doc:${documentId}`;
  }

  private awarenessChannel(documentId: string) {
    return `${this.prefix}aw:${documentId}`;
  }

  /** Links a loaded room: reads the retained stream (applying it), then reads on from its last id. */
  attach(target: RelayTarget): RoomLink {
    const documentId = target.documentId;
    const member: Member = { target, lastId: null, lost: false };
    this.members.set(documentId, member);
    const current = () => this.members.get(documentId) === member && !this.closing;
    const ready = (async () => {
      const channel = this.awarenessChannel(documentId);
      // A Redis that does not answer never holds a room back: it opens from the database alone.
      await within(ATTACH_WAIT_MS, this.subscriber.subscribe(channel)).catch((error: unknown) => this.report("subscribe", `Redis relay: could not subscribe to ${channel}`, error));
      member.lastId = await within(ATTACH_WAIT_MS, this.readRetained(member)).catch((error: unknown) => {
        // Reading from the start later gives the same result: applying an entry twice changes nothing.
        this.report("range", `Redis relay: could not read the retained stream of ${documentId}; reading it with the live entries`, error);
        return "0-0";
      });
      if (!current()) return;
      this.wake();
      this.publishAwarenessMessage(documentId, AWARENESS_QUERY, new Uint8Array());
    })();
    return {
      ready,
      publishUpdate: (update) => (current() ? this.sendUpdate(member, update) : 0),
      publishStored: (seq) => {
        if (!current()) return;
        this.xadd(member, ["k", "s", "q", String(seq)]);
      },
      publishAwareness: (update) => {
        if (current()) this.publishAwarenessMessage(documentId, AWARENESS_UPDATE, update);
      },
      leave: () => {
        if (this.members.get(documentId) !== member) return;
        this.members.delete(documentId);
        this.wake();
        if (!this.closing) void this.subscriber.unsubscribe(this.awarenessChannel(documentId)).catch(() => undefined);
      },
    };
  }

  /** XRANGE from the start, in pages; returns the last id read ("0-0" for an empty stream). */
  private async readRetained(member: Member): Promise<string> {
    const key = this.streamKey(member.target.documentId);
    let last = "0-0";
    let start = "-";
    for (;;) {
      const page = await this.command.xrangeBuffer(key, start, "+", "COUNT", READ_COUNT);
      for (const [id, fields] of page) {
        last = id.toString();
        this.deliver(member, last, fields);
      }
      if (page.length < READ_COUNT) return last;
      start = `(${last}`;
    }
  }

  private sendUpdate(member: Member, update: Uint8Array): number {
    const seq = ++this.seq;
    if (update.byteLength > MAX_RELAYED_UPDATE_BYTES) {
      this.report("too-large", `Redis relay: an update of ${update.byteLength} bytes of ${member.target.documentId} is not relayed (limit ${MAX_RELAYED_UPDATE_BYTES}); other instances get it when they reload the document`);
      return seq;
    }
    this.xadd(member, ["k", "u", "q", String(seq), "d", Buffer.from(update.buffer, update.byteOffset, update.byteLength)]);
    return seq;
  }

  /** Appends an entry (trimming what is older than RETAIN_MS) and renews the key's expiry; in order, on one connection. */
  private xadd(member: Member, fields: (string | Buffer)[]) {
    const key = this.streamKey(member.target.documentId);
    const minId = String(Math.max(0, Date.now() - RELAY_RETAIN_MS));
    this.command
      .multi()
      .xadd(key, "MINID", "~", minId, "*", "o", this.origin, ...fields)
      .pexpire(key, IDLE_EXPIRE_MS)
      .exec()
      .then((results) => {
        const failed = results?.find(([error]) => error);
        if (!results || failed) throw failed?.[0] ?? new Error("transaction discarded");
      })
      .catch((error: unknown) => {
        member.lost = true;
        this.report("xadd", `Redis relay: could not add to ${key}; the room's whole state follows when Redis answers`, error);
      });
  }

  private publishAwarenessMessage(documentId: string, kind: number, update: Uint8Array) {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, this.origin);
    encoding.writeVarUint(e, kind);
    encoding.writeVarUint8Array(e, update);
    // Presence is lossy by nature: a failed publish is logged and the next state carries on.
    this.command.publish(this.awarenessChannel(documentId), Buffer.from(encoding.toUint8Array(e))).catch((error: unknown) => this.report("publish", "Redis relay: could not publish presence", error));
  }

  private onAwareness(channel: string, message: Buffer) {
    const documentId = channel.startsWith(`${this.prefix}aw:`) ? channel.slice(this.prefix.length + 3) : null;
    const member = documentId === null ? undefined : this.members.get(documentId);
    if (!member || member.lastId === null) return;
    try {
      const d = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      const origin = decoding.readVarString(d);
      const kind = decoding.readVarUint(d);
      const update = decoding.readVarUint8Array(d);
      if (origin === this.origin) return;
      if (kind === AWARENESS_QUERY) {
        const states = member.target.localAwareness();
        if (states) this.publishAwarenessMessage(member.target.documentId, AWARENESS_UPDATE, states);
      } else if (kind === AWARENESS_UPDATE) member.target.applyRemoteAwareness(update);
      else throw new Error(`unknown kind ${kind}`);
    } catch (error) {
      this.report("awareness-malformed", `Redis relay: dropped a malformed presence message on ${channel}`, error);
    }
  }

  /** Hands one entry to its room: malformed ones are dropped and logged, a failing room never stops the others. */
  private deliver(member: Member, id: string, fields: Buffer[]) {
    const entry = parseEntry(fields);
    if (entry.kind === "malformed") {
      this.report("malformed", `Redis relay: dropped a malformed entry ${id} of ${this.streamKey(member.target.documentId)} (${entry.reason})`);
      return;
    }
    if (entry.origin === this.origin) return;
    try {
      if (entry.kind === "stored") member.target.remoteStored(entry.origin, entry.seq);
      else member.target.applyRemoteUpdate(entry.origin, entry.seq, entry.update, Number(STREAM_ID.exec(id)?.[1] ?? Date.now()));
    } catch (error) {
      this.report("apply", `Redis relay: entry ${id} of ${member.target.documentId} could not be applied; dropped`, error);
    }
  }

  /** Interrupts the blocking read (the set of streams changed), or wakes the idle loop. */
  private wake() {
    this.generation += 1;
    this.wakeIdle?.();
    this.unblock();
  }

  private unblock() {
    if (this.readingGeneration === null || this.readingGeneration >= this.generation || this.readerId === null || this.closing) return;
    this.command.client("UNBLOCK", this.readerId).then(
      (unblocked) => {
        // The read had not reached Redis yet: try again shortly, until it is interrupted or reissued.
        if (Number(unblocked) === 0) setTimeout(() => this.unblock(), 10).unref();
      },
      () => undefined,
    );
  }

  private async readLoop() {
    while (!this.closing) {
      const ready = [...this.members.values()].filter((m) => m.lastId !== null);
      if (!ready.length) {
        await new Promise<void>((resolve) => {
          this.wakeIdle = resolve;
          setTimeout(resolve, BLOCK_MS).unref();
        });
        this.wakeIdle = null;
        continue;
      }
      const keys = ready.map((m) => this.streamKey(m.target.documentId));
      const ids = ready.map((m) => m.lastId!);
      let result: [Buffer, [Buffer, Buffer[]][]][] | null;
      this.readingGeneration = this.generation;
      try {
        result = (await this.reader.xreadBuffer("COUNT", READ_COUNT, "BLOCK", BLOCK_MS, "STREAMS", ...keys, ...ids)) as [Buffer, [Buffer, Buffer[]][]][] | null;
      } catch (error) {
        if (this.closing) break;
        this.report("read", "Redis relay: reading the streams failed; retrying", error);
        await new Promise((r) => setTimeout(r, 200));
        continue;
      } finally {
        this.readingGeneration = null;
      }
      for (const [rawKey, entries] of result ?? []) {
        const key = rawKey.toString();
        const member = ready.find((m) => this.streamKey(m.target.documentId) === key);
        // Only rooms still linked (and the same room) take what was read for them.
        if (!member || this.members.get(member.target.documentId) !== member) continue;
        for (const [rawId, fields] of entries) {
          const id = rawId.toString();
          if (!STREAM_ID.test(id)) continue;
          member.lastId = id;
          this.deliver(member, id, fields);
        }
      }
    }
  }

  /** Stops reading and closes the connections. */
  async close() {
    if (this.closing) return;
    this.closing = true;
    this.wakeIdle?.();
    this.reader.disconnect();
    await this.loop.catch(() => undefined);
    await quitOrDrop([this.command, this.subscriber]);
  }
}
