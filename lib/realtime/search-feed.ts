import type * as Y from "yjs";
import { ydocToText } from "../editor/render.ts";
import type { ExtensionFactory, Log } from "./room.ts";
import type { RoomStore } from "./room-store.ts";
import { throttle } from "./throttle.ts";

/** How often a document room hands its text to the search index while it is being edited, at most. */
export const SEARCH_INDEX_MS = 500;

/**
 * Keeps the search index current with a live document's text: at most every `intervalMs` while it
 * changes, and once more when the room unloads. Only a text that differs from the last one indexed
 * is written. A failure is logged and never affects the room; the next change tries again.
 */
export function searchFeed(store: RoomStore, log: Log, intervalMs = SEARCH_INDEX_MS): ExtensionFactory<{ doc: Y.Doc; name: string; documentId: string }> {
  return (room) => {
    let indexed: string | null = null;
    const run = throttle(async () => {
      try {
        const text = ydocToText(room.doc);
        if (text === indexed) return;
        await store.indexDocumentText(room.documentId, text);
        indexed = text;
      } catch (error) {
        log(`search indexing of ${room.name} failed`, error);
      }
    }, intervalMs);
    return {
      onChange: () => run.request(),
      onUnload: () => run.settle(),
    };
  };
}
