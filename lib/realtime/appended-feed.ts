import type { DocumentRoom } from "./document-room.ts";
import type { ExtensionFactory } from "./room.ts";

/**
 * Updates a command appended to a document's log (a restored version) reach a loaded room through
 * `document.appended`: applied and broadcast to every open editor, not stored a second time. A
 * room that loads after the commit reads the row from the log like any other.
 */
export function appendedFeed(): ExtensionFactory<DocumentRoom> {
  return (room) => ({
    onEvent(event) {
      if (event.type !== "document.appended" || event.documentId !== room.documentId) return;
      room.applyStored(event.update, event.updateId);
    },
  });
}
