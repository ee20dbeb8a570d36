// The benchmark's raw-socket load generator must recognise every edit a server relays: its frames go
// through a real Y.Doc here, as they do on a server, and come back as the server would broadcast them.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { awarenessFrame, editFrames, emptyStep2Frame, framePrefix, handshakeFrames, readFrame, stamp } from "../../bench/peers/load/frames.ts";

const protocols = ["y-websocket", "hocuspocus"] as const;

/** What a server does with an update frame: apply it to its document and broadcast the document's update event. */
function throughServer(protocol: (typeof protocols)[number], room: string, server: Y.Doc, frame: Uint8Array): Uint8Array[] {
  const d = decoding.createDecoder(frame);
  if (protocol === "hocuspocus") expect(decoding.readVarString(d)).toBe(room);
  expect(decoding.readVarUint(d)).toBe(0);
  expect(decoding.readVarUint(d)).toBe(2);
  const out: Uint8Array[] = [];
  const listen = (u: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeUint8Array(e, framePrefix(protocol, room));
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, u);
    out.push(encoding.toUint8Array(e));
  };
  server.on("update", listen);
  Y.applyUpdate(server, decoding.readVarUint8Array(d));
  server.off("update", listen);
  return out;
}

describe("the load generator's frames", () => {
  for (const protocol of protocols) {
    it(`${protocol}: every relayed edit is recognised with its client, clock and send time`, () => {
      const room = "document.benchdoc000000";
      const prefix = framePrefix(protocol, room);
      const server = new Y.Doc();
      const frames = editFrames(prefix, 424242, "0-1", 3);
      const times = [1_000_000.125, 1_000_020.5, 1_000_041.75];
      const seen = frames.flatMap((f, n) => throughServer(protocol, room, server, stamp(f, times[n]!)).map((b) => readFrame(protocol, b)));
      expect(seen).toEqual(times.map((sentAt, clock) => ({ kind: "update", edits: [{ client: 424242, clock, sentAt }] })));
      // The server's document holds the edits with their send times, as the stock generator's do.
      expect([...server.getMap<number>("e").values()].sort()).toEqual(times);
    });

    it(`${protocol}: a merged update (several edits in one frame) is recognised too`, () => {
      const room = "r";
      const prefix = framePrefix(protocol, room);
      const a = editFrames(prefix, 7, "a", 2).map((f, n) => stamp(f, 5.5 + n));
      const updates = a.map((f) => {
        const d = decoding.createDecoder(f);
        if (protocol === "hocuspocus") decoding.readVarString(d);
        decoding.readVarUint(d);
        decoding.readVarUint(d);
        return decoding.readVarUint8Array(d);
      });
      const e = encoding.createEncoder();
      encoding.writeUint8Array(e, prefix);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, Y.mergeUpdates(updates));
      expect(readFrame(protocol, encoding.toUint8Array(e))).toEqual({ kind: "update", edits: [{ client: 7, clock: 0, sentAt: 5.5 }, { client: 7, clock: 1, sentAt: 6.5 }] });
    });

    it(`${protocol}: handshake, sync answers and awareness are told apart from edits`, () => {
      const prefix = framePrefix(protocol, "r");
      const hs = handshakeFrames(protocol, prefix);
      expect(hs).toHaveLength(protocol === "hocuspocus" ? 2 : 1);
      expect(readFrame(protocol, hs.at(-1)!)).toEqual({ kind: "step1" });
      expect(readFrame(protocol, emptyStep2Frame(prefix))).toEqual({ kind: "step2" });
      expect(readFrame(protocol, awarenessFrame(prefix, 9, 1, 12))).toEqual({ kind: "other" });
    });
  }

  it("a truncated update frame is an error, not a silent miss", () => {
    const f = editFrames(new Uint8Array(0), 1, "x", 1)[0]!.bytes;
    expect(() => readFrame("y-websocket", f.subarray(0, f.length - 4))).toThrow(/truncated/);
  });
});
