import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RoomStore } from "./room-store.ts";
import { searchFeed } from "./search-feed.ts";

function paragraph(text: string) {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

describe("searchFeed (room extension)", () => {
  it("hands the document's plain text to the index, once per distinct text, and on unload", async () => {
    const calls: [string, string][] = [];
    const store = { indexDocumentText: async (id: string, text: string) => void calls.push([id, text]) } as unknown as RoomStore;
    const doc = new Y.Doc();
    const feed = searchFeed(store, () => undefined, 0)({ doc, name: "document.d1", documentId: "d1" });
    doc.getXmlFragment("default").push([paragraph("Østfold fagskole")]);
    feed.onChange?.(new Uint8Array(), null);
    await new Promise((r) => setTimeout(r, 10));
    feed.onChange?.(new Uint8Array(), null); // same text: not written again
    await new Promise((r) => setTimeout(r, 10));
    doc.getXmlFragment("default").push([paragraph("læreplasser")]);
    feed.onChange?.(new Uint8Array(), null);
    await feed.onUnload?.();
    expect(calls).toEqual([["d1", "Østfold fagskole"], ["d1", "Østfold fagskole\n\nlæreplasser"]]);
  });

  it("logs a failing index and never throws into the room", async () => {
    const logged: string[] = [];
    const store = { indexDocumentText: async () => Promise.reject(new Error("disk full")) } as unknown as RoomStore;
    const doc = new Y.Doc();
    const feed = searchFeed(store, (message) => void logged.push(message), 0)({ doc, name: "document.d2", documentId: "d2" });
    doc.getXmlFragment("default").push([paragraph("tekst")]);
    feed.onChange?.(new Uint8Array(), null);
    await expect(feed.onUnload?.()).resolves.toBeUndefined();
    expect(logged).toEqual(["search indexing of document.d2 failed"]);
  });
});
