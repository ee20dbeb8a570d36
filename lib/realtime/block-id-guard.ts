import { randomUUID } from "node:crypto";
import type * as Y from "yjs";
import { blocksWithId } from "./blocks.ts";
import type { ExtensionFactory, Log } from "./room.ts";
import { SERVER_ORIGIN } from "./room.ts";
import { throttle } from "./throttle.ts";

/** How often a room's block ids are checked at most. */
const BLOCK_ID_GUARD_MS = 300;

/**
 * Gives every block whose id an earlier block (in document order) already holds a fresh id, in one
 * transaction with the server's origin (broadcast and stored like any other change). Returns how
 * many blocks got a new id.
 *
 * Why the first holder keeps the id: concurrent editors duplicate ids by splitting or copying a
 * block, and the copy lands after its source. Actions anchored to that id (ActionItem.anchorBlockId)
 * were made from the source's text, so they stay on it; only the copies are renamed. This is a
 * simple rule, not a content match: when the later holder is the one an action was made from, the
 * anchor moves to the earlier one.
 */
export function repairDuplicateBlockIds(doc: Y.Doc, newId: () => string = randomUUID): number {
  const seen = new Set<string>();
  const later: Y.XmlElement[] = [];
  for (const { element, id } of blocksWithId(doc)) {
    if (seen.has(id)) later.push(element);
    else seen.add(id);
  }
  if (later.length === 0) return 0;
  doc.transact(() => {
    for (const element of later) {
      let id = newId();
      while (seen.has(id)) id = newId();
      seen.add(id);
      element.setAttribute("id", id);
    }
  }, SERVER_ORIGIN);
  return later.length;
}

/**
 * Keeps block ids unique in a document room: after changes (at most every `intervalMs`), duplicate
 * ids are repaired by `repairDuplicateBlockIds`. Block ids anchor actions and comments, so two
 * blocks with one id would make an anchor ambiguous.
 */
export function blockIdGuard(log: Log, opts: { intervalMs?: number; newId?: () => string } = {}): ExtensionFactory<{ doc: Y.Doc; name: string }> {
  return (room) => {
    let repairing = false;
    const check = throttle(async () => {
      repairing = true;
      try {
        const renamed = repairDuplicateBlockIds(room.doc, opts.newId);
        if (renamed) log(`gave ${renamed} block(s) of ${room.name} a fresh id (duplicate ids)`);
      } catch (error) {
        log(`block id check of ${room.name} failed`, error);
      } finally {
        repairing = false;
      }
    }, opts.intervalMs ?? BLOCK_ID_GUARD_MS);
    return {
      onChange() {
        // Its own repair is a change too; that one needs no check.
        if (!repairing) check.request();
      },
      onUnload: () => check.settle(),
    };
  };
}
