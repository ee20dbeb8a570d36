import type * as Y from "yjs";
import { publish } from "../events/bus.ts";
import { blocksWithId } from "./blocks.ts";
import type { ExtensionFactory, Log } from "./room.ts";
import type { RoomStore } from "./room-store.ts";
import { throttle } from "./throttle.ts";

/** How often a document room looks for anchored blocks that were deleted (or came back), at most. */
const ANCHOR_CHECK_MS = 1000;

/**
 * Marks actions whose anchored block is no longer in the document (and unmarks them when it comes
 * back, e.g. after undo), then announces `board.changed` for their groups so boards follow.
 */
export function anchorWatch(store: RoomStore, log: Log, intervalMs = ANCHOR_CHECK_MS): ExtensionFactory<{ doc: Y.Doc; name: string; documentId: string }> {
  return (room) => {
    const check = throttle(async () => {
      try {
        const items = await store.anchoredItems(room.documentId);
        if (items.length === 0) return;
        const present = new Set(blocksWithId(room.doc).map((b) => b.id));
        const gone = items.filter((i) => !i.anchorMissing && !present.has(i.anchorBlockId));
        const back = items.filter((i) => i.anchorMissing && present.has(i.anchorBlockId));
        if (gone.length === 0 && back.length === 0) return;
        await store.setAnchorMissing(gone.map((i) => i.id), true);
        await store.setAnchorMissing(back.map((i) => i.id), false);
        for (const groupId of new Set([...gone, ...back].map((i) => i.groupId))) publish({ type: "board.changed", groupId });
      } catch (error) {
        log(`anchor check of ${room.name} failed`, error);
      }
    }, intervalMs);
    return {
      onChange: () => check.request(),
      onUnload: () => check.settle(),
    };
  };
}
