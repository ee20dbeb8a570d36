import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_RELAYED_UPDATE_BYTES, parseEntry } from "./doc-relay.ts";

const fields = (...pairs: (string | Buffer)[]) => pairs.map((p) => (typeof p === "string" ? Buffer.from(p) : p));

function anUpdate(): Buffer {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "hei");
  return Buffer.from(Y.encodeStateAsUpdate(doc));
}

describe("parseEntry (the relay's check of a stream entry)", () => {
  it("reads updates and stored markers", () => {
    const update = anUpdate();
    const parsed = parseEntry(fields("o", "a/1", "k", "u", "q", "12", "d", update));
    expect(parsed).toMatchObject({ kind: "update", origin: "a/1", seq: 12 });
    expect(parsed.kind === "update" && Buffer.from(parsed.update).equals(update)).toBe(true);
    expect(parseEntry(fields("o", "a/1", "k", "s", "q", "12"))).toEqual({ kind: "stored", origin: "a/1", seq: 12 });
  });

  it("calls anything else malformed, without throwing", () => {
    const update = anUpdate();
    for (const raw of [
      fields(),
      fields("o"),
      fields("k", "u", "q", "1", "d", update),
      fields("o", "", "k", "u", "q", "1", "d", update),
      fields("o", "x".repeat(201), "k", "s", "q", "1"),
      fields("o", "a", "k", "u", "q", "-1", "d", update),
      fields("o", "a", "k", "u", "q", "1e9", "d", update),
      fields("o", "a", "k", "u", "q", "1".repeat(16), "d", update),
      fields("o", "a", "k", "x", "q", "1"),
      fields("o", "a", "k", "u", "q", "1"),
      fields("o", "a", "k", "u", "q", "1", "d", ""),
      fields("o", "a", "k", "u", "q", "1", "d", "@@not a yjs update@@"),
      fields("o", "a", "k", "u", "q", "1", "d", update.subarray(0, update.length - 2)),
      fields("o", "a", "k", "u", "q", "1", "d", Buffer.alloc(MAX_RELAYED_UPDATE_BYTES + 1)),
    ]) {
      expect(parseEntry(raw).kind).toBe("malformed");
    }
  });
});
