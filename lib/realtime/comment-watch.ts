import { markedThreadIds } from "../comments/marks.ts";
import type { DocumentRoom } from "./document-room.ts";
import type { ExtensionFactory, Log } from "./room.ts";
import type { RoomStore } from "./room-store.ts";
import { throttle } from "./throttle.ts";

/** How often a document room looks for threads whose passage was deleted (or came back), at most. */
const THREAD_CHECK_MS = 1000;

/**
 * Keeps comment threads and the text in step. A thread whose mark no longer covers any text (the
 * passage was deleted) is marked detached, and attached again when the text comes back (undo);
 * either way the open editors are told to fetch the threads. `threads.changed` (a comment written
 * through the app) also reaches the editors through here.
 */
export function commentWatch(store: RoomStore, log: Log, intervalMs = THREAD_CHECK_MS): ExtensionFactory<DocumentRoom> {
  return (room) => {
    const check = throttle(async () => {
      try {
        const threads = await store.commentThreads(room.documentId);
        if (threads.length === 0) return;
        const marked = markedThreadIds(room.doc);
        const gone = threads.filter((t) => !t.detached && !marked.has(t.id)).map((t) => t.id);
        const back = threads.filter((t) => t.detached && marked.has(t.id)).map((t) => t.id);
        if (gone.length === 0 && back.length === 0) return;
        await store.setThreadsDetached(gone, true);
        await store.setThreadsDetached(back, false);
        room.announceThreads();
      } catch (error) {
        log(`comment check of ${room.name} failed`, error);
      }
    }, intervalMs);
    return {
      onChange: () => check.request(),
      onEvent(event) {
        if (event.type === "threads.changed" && event.documentId === room.documentId) room.announceThreads();
      },
      onUnload: () => check.settle(),
    };
  };
}
