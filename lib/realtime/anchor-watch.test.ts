import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { subscribe, type DomainEvent } from "../events/bus.ts";
import { anchorWatch } from "./anchor-watch.ts";
import type { AnchoredItem, RoomStore } from "./room-store.ts";

/** A RoomStore holding only anchored items (all the watch uses). */
function anchorStore(items: AnchoredItem[]) {
  const store = {
    anchoredItems: async () => items.map((i) => ({ ...i })),
    setAnchorMissing: async (ids: readonly string[], missing: boolean) => {
      for (const i of items) if (ids.includes(i.id)) i.anchorMissing = missing;
    },
  };
  return store as unknown as RoomStore;
}

function paragraph(id: string) {
  const p = new Y.XmlElement("paragraph");
  p.setAttribute("id", id);
  return p;
}

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe("anchorWatch (room extension)", () => {
  it("marks an action whose block was deleted, unmarks it when the block is back, and announces the board change", async () => {
    const events: DomainEvent[] = [];
    stops.push(subscribe((e) => events.push(e)));
    const items: AnchoredItem[] = [{ id: "act1", groupId: "grp1", anchorBlockId: "b1", anchorMissing: false, anchorText: null }];
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("default");
    fragment.insert(0, [paragraph("b0"), paragraph("b1")]);
    const watch = anchorWatch(anchorStore(items), () => undefined, 0)({ doc, name: "document.d1", documentId: "d1" });

    fragment.delete(1, 1);
    watch.onChange?.(new Uint8Array(), null);
    await watch.onUnload?.();
    expect(items[0]!.anchorMissing).toBe(true);
    expect(events).toEqual([{ type: "board.changed", groupId: "grp1" }]);

    const again = anchorWatch(anchorStore(items), () => undefined, 0)({ doc, name: "document.d1", documentId: "d1" });
    fragment.push([paragraph("b1")]);
    again.onChange?.(new Uint8Array(), null);
    await again.onUnload?.();
    expect(items[0]!.anchorMissing).toBe(false);
    expect(events).toHaveLength(2);
  });
});
