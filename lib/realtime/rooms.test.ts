import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isCovered, syncStatus } from "../../components/editor/sync-status.ts";
import * as decoding from "lib0/decoding";
import { encodeAccess, encodeSaved, MESSAGE_SAMRAD, readSamradMessage } from "./protocol.ts";
import { boardRoom, documentRoom, parseRoom } from "./rooms.ts";

describe("room names", () => {
  it("round-trip and reject anything else", () => {
    expect(parseRoom(documentRoom("abc12345xyz"))).toEqual({ kind: "document", id: "abc12345xyz" });
    expect(parseRoom(boardRoom("grp12345678"))).toEqual({ kind: "board", id: "grp12345678" });
    for (const bad of ["", "document", "document.", "document.short", "doc.abc12345xyz", "document.abc/../x", "document.abc12345xyz.x"]) {
      expect(parseRoom(bad), bad).toBeNull();
    }
  });
});

describe("Samråd protocol messages", () => {
  it("encode and decode saved state vectors and access modes", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "hei");
    for (const [frame, expected] of [
      [encodeSaved(Y.encodeStateVector(doc)), { kind: "saved" }],
      [encodeAccess("read"), { kind: "access", mode: "read" }],
    ] as const) {
      const d = decoding.createDecoder(frame);
      expect(decoding.readVarUint(d)).toBe(MESSAGE_SAMRAD);
      expect(readSamradMessage(d)).toMatchObject(expected);
    }
  });
});

describe("save status", () => {
  it("is saved only when the server's state vector covers everything local", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "abc");
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    expect(isCovered(new Map(), local)).toBe(false);
    expect(isCovered(new Map(local), local)).toBe(true);
    expect(syncStatus({ connected: false, synced: true, saved: new Map(local), doc })).toBe("offline");
    expect(syncStatus({ connected: true, synced: false, saved: new Map(local), doc })).toBe("connecting");
    expect(syncStatus({ connected: true, synced: true, saved: new Map(), doc })).toBe("saving");
    expect(syncStatus({ connected: true, synced: true, saved: new Map(local), doc })).toBe("saved");
  });
});
