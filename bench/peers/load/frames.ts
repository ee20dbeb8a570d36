// The wire side of the cheap load generator: pre-encoded Yjs update frames with a patchable send
// time, and a reader that recognises each delivered edit by the (client, clock) of its struct and
// reads its send time, without a Y.Doc. Both protocols: y-websocket (ours, the reference server,
// the relay) and Hocuspocus's (every message starts with the document's name).
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/** The wire protocol a server speaks (clients.ts connects with it; kept here so that this file needs only yjs and lib0 — the unit tests load it on a clone without bench/peers installed). */
export type Protocol = "y-websocket" | "hocuspocus";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
/** Hocuspocus's answer to a sync step 1 carries this type instead of MESSAGE_SYNC. */
export const HOCUSPOCUS_SYNC_REPLY = 4;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** lib0's writeAny tag of a float64 (big-endian), the type of every send time. */
const ANY_FLOAT64 = 123;
/** A placeholder send time that is not a float32 (so lib0 writes all 8 bytes) and is easy to find. */
const PLACEHOLDER = 1234567.890123;

/** The start of every frame: nothing for y-websocket, the document's name for Hocuspocus. */
export function framePrefix(protocol: Protocol, room: string): Uint8Array {
  if (protocol !== "hocuspocus") return new Uint8Array(0);
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  return encoding.toUint8Array(e);
}

function frame(prefix: Uint8Array, write: (e: encoding.Encoder) => void): Buffer {
  const e = encoding.createEncoder();
  encoding.writeUint8Array(e, prefix);
  write(e);
  return Buffer.from(encoding.toUint8Array(e));
}

/** What a client sends when its socket opens: (Hocuspocus: an empty token, then) sync step 1 of an empty document. */
export function handshakeFrames(protocol: Protocol, prefix: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  if (protocol === "hocuspocus") {
    out.push(frame(prefix, (e) => {
      encoding.writeVarUint(e, MESSAGE_AUTH);
      encoding.writeVarUint(e, 0); // token
      encoding.writeVarString(e, "");
    }));
  }
  out.push(frame(prefix, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  }));
  return out;
}

/** The answer to someone's sync step 1: sync step 2 with nothing in it (the raw client holds only its own edits, which it sends as updates). */
export function emptyStep2Frame(prefix: Uint8Array): Buffer {
  return frame(prefix, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(new Y.Doc()));
  });
}

export interface EditFrame {
  bytes: Buffer;
  /** Where the 8 bytes of the send time are (big-endian float64). */
  timeAt: number;
}

/**
 * `count` update frames of one client, each setting a new key of the map "e" to its send time
 * (as the stock load generator's edits do), encoded once by a real Y.Doc with that client id.
 * Send frame n after frame n-1, writing the send time into it first (`stamp`).
 */
export function editFrames(prefix: Uint8Array, clientID: number, keyPrefix: string, count: number): EditFrame[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const map = doc.getMap<number>("e");
  for (let n = 0; n < count; n++) map.set(`${keyPrefix}-${n}`, PLACEHOLDER);
  doc.destroy();
  const marker = Buffer.alloc(9);
  marker[0] = ANY_FLOAT64;
  marker.writeDoubleBE(PLACEHOLDER, 1);
  return updates.map((update) => {
    const bytes = frame(prefix, (e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint8Array(e, update);
    });
    const at = bytes.indexOf(marker);
    if (at < 0 || bytes.indexOf(marker, at + 1) >= 0) throw new Error("the send-time placeholder is not in the encoded update exactly once");
    return { bytes, timeAt: at + 1 };
  });
}

export function stamp(f: EditFrame, sentAt: number): Buffer {
  f.bytes.writeDoubleBE(sentAt, f.timeAt);
  return f.bytes;
}

/** One awareness update of one client (its cursor), as the stock awareness protocol encodes it. */
export function awarenessFrame(prefix: Uint8Array, clientID: number, clock: number, anchor: number): Buffer {
  return frame(prefix, (e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientID);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify({ cursor: { anchor } }));
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });
}

export type Incoming =
  | { kind: "step1" }
  | { kind: "step2" }
  | { kind: "update"; edits: { client: number; clock: number; sentAt: number | undefined }[] }
  | { kind: "other" };

/**
 * Reads one frame. An update's edits are recognised by their (client, clock); the common shape
 * (one client, one struct, one float64 value, no deletions) is read in place, anything else
 * (merged or re-encoded updates) through Y.decodeUpdate, still without a document.
 */
export function readFrame(protocol: Protocol, data: Uint8Array): Incoming {
  const d = decoding.createDecoder(data);
  if (protocol === "hocuspocus") {
    const nameLength = decoding.readVarUint(d);
    d.pos += nameLength;
  }
  const type = decoding.readVarUint(d);
  if (type !== MESSAGE_SYNC && !(protocol === "hocuspocus" && type === HOCUSPOCUS_SYNC_REPLY)) return { kind: "other" };
  const sub = decoding.readVarUint(d);
  if (sub === SYNC_STEP1) return { kind: "step1" };
  if (sub === SYNC_STEP2) return { kind: "step2" };
  if (sub !== SYNC_UPDATE) return { kind: "other" };
  const length = decoding.readVarUint(d);
  const start = d.pos;
  const end = start + length;
  if (end > data.length) throw new Error("truncated update frame");
  // Fast path: [1 client][1 struct][client][clock][info][parent "e"][key][ContentAny 1 × float64][empty delete set].
  if (data[start] === 1 && data[start + 1] === 1 && data[end - 10] === ANY_FLOAT64 && data[end - 1] === 0) {
    d.pos = start + 2;
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const view = new DataView(data.buffer, data.byteOffset + end - 9, 8);
    return { kind: "update", edits: [{ client, clock, sentAt: view.getFloat64(0, false) }] };
  }
  const { structs } = Y.decodeUpdate(data.subarray(start, end));
  const edits: { client: number; clock: number; sentAt: number | undefined }[] = [];
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.deleted) continue;
    const values = s.content.getContent();
    values.forEach((v, i) => edits.push({ client: s.id.client, clock: s.id.clock + i, sentAt: typeof v === "number" ? v : undefined }));
  }
  return { kind: "update", edits };
}
