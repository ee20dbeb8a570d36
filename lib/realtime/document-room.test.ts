import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import { Connection } from "./connection.ts";
import { jsonToYUpdate, ydocToText } from "../editor/render.ts";
import { DocumentRoom, dropTitleCopy, type DocumentRoomLimits } from "./document-room.ts";
import type { TallyIncrement } from "./edit-stretches.ts";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAMRAD, MESSAGE_SYNC, readSamradMessage } from "./protocol.ts";
import { SERVER_ORIGIN } from "./room.ts";
import type { RoomStore } from "./room-store.ts";

const limits: DocumentRoomLimits = { flushDelayMs: 0, compactEveryRows: 500, maxDocumentBytes: 1 << 24, awarenessPerSecond: 30, maxBufferedBytes: 1 << 24 };

/** The log and snapshot of one document, in memory (all a document room reads and writes). */
function memoryStore(snapshot: Uint8Array) {
  const state = { snapshot: snapshot as Uint8Array | null, rows: [] as { id: number; data: Uint8Array }[], nextId: 1, tallies: [] as TallyIncrement[] };
  const store = {
    async loadDocument() {
      return { title: "", snapshot: state.snapshot, updates: [...state.rows] };
    },
    async appendUpdate(_id: string, data: Uint8Array, tallies: readonly TallyIncrement[] = []) {
      const id = state.nextId++;
      state.rows.push({ id, data });
      state.tallies.push(...tallies);
      return id;
    },
    async updateIds(_id: string, upTo: number) {
      return state.rows.filter((r) => r.id <= upTo).map((r) => r.id);
    },
    async compactDocument(_id: string, upTo: number) {
      // As the SQLite store does: the snapshot and the stored rows up to `upTo`, folded.
      const folded = state.rows.filter((r) => r.id <= upTo).map((r) => r.data);
      state.snapshot = Y.mergeUpdates(state.snapshot ? [state.snapshot, ...folded] : folded);
      state.rows = state.rows.filter((r) => r.id > upTo);
      return { bytes: state.snapshot.length };
    },
    async anchoredItems() {
      return [];
    },
  };
  return { store: store as unknown as RoomStore, state };
}

const textOf = (snapshot: Uint8Array | null, rows: { data: Uint8Array }[] = []) => {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const r of rows) Y.applyUpdate(doc, r.data);
  return doc.getText("t").toString();
};

/** An update made on top of `base` by another writer (a command). */
function editOn(base: Uint8Array, edit: (text: Y.Text) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const sv = Y.encodeStateVector(doc);
  edit(doc.getText("t"));
  return Y.encodeStateAsUpdate(doc, sv);
}

function initial(text: string) {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe("DocumentRoom and updates stored by others", () => {
  it("applies a stored update without writing it again", async () => {
    const base = initial("Hei");
    const { store, state } = memoryStore(base);
    const room = await DocumentRoom.load(store, "d", limits, () => {});
    const update = editOn(base, (t) => t.insert(3, " verden"));
    const rowId = await store.appendUpdate("d", update);
    room.applyStored(update, rowId);
    expect(room.doc.getText("t").toString()).toBe("Hei verden");
    await room.flush();
    expect(state.rows.map((r) => r.id)).toEqual([rowId]);
    await room.unload();
    expect(textOf(state.snapshot, state.rows)).toBe("Hei verden");
  });

  it("never compacts away a row written by someone else that it has not applied yet", async () => {
    const base = initial("Hei");
    const { store, state } = memoryStore(base);
    const room = await DocumentRoom.load(store, "d", limits, () => {});
    // A command appends a row; its announcement has not reached the room yet.
    await store.appendUpdate("d", editOn(base, (t) => t.insert(0, "Gjenopprettet: ")));
    // Meanwhile the room stores an edit of its own, with a later row id.
    room.doc.transact(() => room.doc.getText("t").insert(3, "!"), SERVER_ORIGIN);
    await room.flush();
    expect(state.rows).toHaveLength(2);
    await room.unload();
    // The compaction folded both rows, the foreign one included.
    expect(state.rows).toHaveLength(0);
    expect(textOf(state.snapshot)).toBe("Gjenopprettet: Hei!");
  });
});

describe("DocumentRoom and the editors' changes", () => {
  it("counts a client's edits towards its user's changes, stored with the row; the server's own edits never count", async () => {
    const base = initial("Hei");
    const { store, state } = memoryStore(base);
    const room = await DocumentRoom.load(store, "d", limits, () => {});
    const ws = { readyState: 3, OPEN: 1, bufferedAmount: 0, send() {} } as unknown as WebSocket;
    const ole = new Connection(ws, "u-ole", "Ole", "write", 30);
    room.doc.transact(() => room.doc.getText("t").insert(3, "!"), SERVER_ORIGIN);
    await room.flush();
    expect(state.tallies).toEqual([]);
    Y.applyUpdate(room.doc, editOn(Y.encodeStateAsUpdate(room.doc), (t) => t.insert(0, "Å ")), ole);
    Y.applyUpdate(room.doc, editOn(Y.encodeStateAsUpdate(room.doc), (t) => t.insert(0, "Ja ")), ole);
    await room.flush();
    expect(state.tallies.map((t) => [t.userId, t.changes])).toEqual([["u-ole", 1]]);
    await room.unload();
  });
});

/** A socket that records the frames the room sends it. */
function recordingSocket() {
  const frames: Uint8Array[] = [];
  const ws = { readyState: 1, OPEN: 1, bufferedAmount: 0, send: (data: Uint8Array) => frames.push(data), close() {}, terminate() {} } as unknown as WebSocket;
  return { ws, frames };
}

/** A stock client's sync-update frame carrying `update`. */
function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** Each frame's message type, and for sync frames the sync message type ("0/2" is an update). */
const kinds = (frames: Uint8Array[]) =>
  frames.map((f) => {
    const d = decoding.createDecoder(f);
    const type = decoding.readVarUint(d);
    return type === MESSAGE_SYNC ? `${type}/${decoding.readVarUint(d)}` : String(type);
  });

describe("DocumentRoom broadcasts", () => {
  it("send a burst of changes as one merged update per connection, none back to its author, before any later frame", async () => {
    const base = initial("Hei");
    const { store } = memoryStore(base);
    const room = await DocumentRoom.load(store, "d", limits, () => {});
    const author = recordingSocket();
    const watcher = recordingSocket();
    const ole = room.addConnection(author.ws, { id: "u-ole", name: "Ole" }, "write");
    room.addConnection(watcher.ws, { id: "u-kari", name: "Kari" }, "read");
    author.frames.length = 0;
    watcher.frames.length = 0;
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    for (const word of [" der", " og", " hallo"]) {
      const sv = Y.encodeStateVector(client);
      client.getText("t").insert(client.getText("t").length, word);
      room.handleMessage(ole, updateFrame(Y.encodeStateAsUpdate(client, sv)));
    }
    // A frame sent in the same turn goes after the changes queued before it.
    room.handleMessage(room.connections.get(watcher.ws)!, new Uint8Array([MESSAGE_QUERY_AWARENESS]));
    await new Promise((r) => setImmediate(r));
    expect(kinds(author.frames)).toEqual([]);
    expect(kinds(watcher.frames)).toEqual(["0/2", String(MESSAGE_AWARENESS)]);
    const seen = new Y.Doc();
    Y.applyUpdate(seen, base);
    const d = decoding.createDecoder(watcher.frames[0]!);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    Y.applyUpdate(seen, decoding.readVarUint8Array(d));
    expect(seen.getText("t").toString()).toBe("Hei der og hallo");
    await room.unload();
  });
});

describe("dropTitleCopy (documents used to start with a copy of their title)", () => {
  const docOf = (json: object) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, jsonToYUpdate(json as never));
    return doc;
  };
  const heading = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

  it("removes a first level-1 heading equal to the title, as a server change", () => {
    const doc = docOf({ type: "doc", content: [heading(1, "Anbefaling  om lærlinger"), paragraph("Tekst.")] });
    const origins: unknown[] = [];
    doc.on("afterTransaction", (tr) => origins.push(tr.origin));
    expect(dropTitleCopy(doc, "Anbefaling om lærlinger")).toBe(true);
    expect(ydocToText(doc)).toBe("Tekst.");
    expect(origins.filter((o) => o !== null)).toEqual([SERVER_ORIGIN]); // (reading the text is a transaction too)
  });

  it("keeps anything else: another title, a level-2 heading, a heading further down, an empty text", () => {
    for (const [json, title] of [
      [{ type: "doc", content: [heading(1, "Gammel tittel"), paragraph("Tekst.")] }, "Ny tittel"],
      [{ type: "doc", content: [heading(2, "Tittel"), paragraph("Tekst.")] }, "Tittel"],
      [{ type: "doc", content: [paragraph("Tekst."), heading(1, "Tittel")] }, "Tittel"],
      [{ type: "doc", content: [paragraph("Tittel")] }, "Tittel"],
    ] as const) {
      const doc = docOf(json);
      const before = ydocToText(doc);
      expect(dropTitleCopy(doc, title)).toBe(false);
      expect(ydocToText(doc)).toBe(before);
    }
    expect(dropTitleCopy(new Y.Doc(), "Tittel")).toBe(false);
  });
});

describe("DocumentRoom and updates relayed by other instances", () => {
  /** The "saved" state vector the room sends a new connection. */
  function savedOf(room: DocumentRoom): Map<number, number> {
    const socket = recordingSocket();
    room.addConnection(socket.ws, { id: "u-reader", name: "Leser" }, "read");
    for (const frame of socket.frames) {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarUint(d) !== MESSAGE_SAMRAD) continue;
      const message = readSamradMessage(d);
      if (message?.kind === "saved") {
        room.removeConnection(socket.ws);
        return Y.decodeStateVector(message.stateVector);
      }
    }
    throw new Error("no saved message");
  }

  it("applies and broadcasts a relayed update without storing it, and counts it as saved only once its instance says so", async () => {
    const base = initial("Hei");
    const { store, state } = memoryStore(base);
    const room = await DocumentRoom.load(store, "d", limits, () => {});
    const watcher = recordingSocket();
    room.addConnection(watcher.ws, { id: "u-kari", name: "Kari" }, "read");
    watcher.frames.length = 0;
    const remote = editOn(base, (t) => t.insert(3, " fra A"));
    const [remoteClient, remoteClock] = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(remote))][0]!;
    room.applyRemoteUpdate("instance-a/1", 7, remote, Date.now());
    await new Promise((r) => setImmediate(r));
    expect(room.doc.getText("t").toString()).toBe("Hei fra A");
    expect(kinds(watcher.frames)).toEqual(["0/2"]);
    await room.flush();
    expect(state.rows).toHaveLength(0);
    expect(savedOf(room).get(remoteClient) ?? 0).toBe(0);
    // A marker for an earlier sequence number changes nothing; one that covers it does.
    room.remoteStored("instance-a/1", 6);
    expect(savedOf(room).get(remoteClient) ?? 0).toBe(0);
    room.remoteStored("instance-a/1", 7);
    expect(savedOf(room).get(remoteClient)).toBe(remoteClock);
    await room.unload();
    expect(state.rows).toHaveLength(0);
  });

  it("writes relayed updates not yet marked stored into its own next row (its edits may build on them)", async () => {
    const base = initial("Hei");
    const { store, state } = memoryStore(base);
    const room = await DocumentRoom.load(store, "d", limits, () => {});
    const remote = editOn(base, (t) => t.insert(3, " fra A"));
    const [remoteClient, remoteClock] = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(remote))][0]!;
    room.applyRemoteUpdate("instance-a/1", 7, remote, Date.now());
    // An edit here, next to A's text.
    room.doc.transact(() => room.doc.getText("t").insert(9, "!"), SERVER_ORIGIN);
    await room.flush();
    expect(state.rows).toHaveLength(1);
    // The row can be read back on its own.
    expect(textOf(base, state.rows)).toBe("Hei fra A!");
    expect(savedOf(room).get(remoteClient)).toBe(remoteClock);
    await room.unload();
  });

  it("stores a relayed update itself when its instance never says it stored it", async () => {
    const base = initial("Hei");
    const { store, state } = memoryStore(base);
    const logged: string[] = [];
    const room = await DocumentRoom.load(store, "d", { ...limits, adoptAfterMs: 0 }, (m) => logged.push(m));
    room.applyRemoteUpdate("instance-a/1", 3, editOn(base, (t) => t.insert(3, " fra A")), Date.now());
    for (let i = 0; i < 100 && state.rows.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(textOf(base, state.rows)).toBe("Hei fra A");
    expect(logged.some((m) => m.includes("relayed by instance instance-a/1"))).toBe(true);
    await room.unload();
  });
});
