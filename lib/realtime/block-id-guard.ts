import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { BLOCK_ID_TYPES, DOCUMENT_FIELD } from "../editor/extensions.ts";
import { blocksWithId } from "./blocks.ts";
import type { ExtensionFactory, Log } from "./room.ts";
import { SERVER_ORIGIN } from "./room.ts";
import { throttle } from "./throttle.ts";

/** How often a room's block ids are checked at most. */
const BLOCK_ID_GUARD_MS = 300;

const ID_TYPES = new Set(BLOCK_ID_TYPES);

/** Elements of the id-carrying block types with no id. */
function blocksWithoutId(doc: Y.Doc): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  for (const node of doc.getXmlFragment(DOCUMENT_FIELD).createTreeWalker((t) => t instanceof Y.XmlElement)) {
    const element = node as Y.XmlElement;
    const id = element.getAttribute("id");
    if (ID_TYPES.has(element.nodeName) && (typeof id !== "string" || id === "")) out.push(element);
  }
  return out;
}

/** The plain text inside a block (formatting dropped). */
export function textOf(element: Y.XmlElement): string {
  let out = "";
  for (const node of element.createTreeWalker((n) => n instanceof Y.XmlText)) {
    for (const op of (node as Y.XmlText).toDelta() as { insert?: unknown }[]) if (typeof op.insert === "string") out += op.insert;
  }
  return out;
}

/** How alike two texts are, 0..1 (Dice coefficient over character pairs, case and spacing ignored). */
export function textSimilarity(a: string, b: string): number {
  const norm = (x: string) => x.toLowerCase().replace(/\s+/g, " ").trim();
  const x = norm(a);
  const y = norm(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let k = 0; k < x.length - 1; k += 1) pairs.set(x.slice(k, k + 2), (pairs.get(x.slice(k, k + 2)) ?? 0) + 1);
  let shared = 0;
  for (let k = 0; k < y.length - 1; k += 1) {
    const pair = y.slice(k, k + 2);
    const n = pairs.get(pair) ?? 0;
    if (n > 0) {
      shared += 1;
      pairs.set(pair, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

/**
 * Gives every block that shares its id with another (or has none) a fresh one, so each id has one holder again,
 * in one transaction with the server's origin (broadcast and stored like any other change).
 * Returns how many blocks got a new id.
 *
 * Which holder keeps the id: where an action is anchored to it (`anchorTexts`: id → the paragraph's
 * text when the action was made from it), the holder whose text is closest to that text, so the
 * anchor follows the paragraph it was made from. Otherwise the first holder in document order:
 * concurrent editors duplicate ids by splitting or copying a block, and the copy lands after its
 * source.
 */
export function repairBlockIds(doc: Y.Doc, newId: () => string = randomUUID, anchorTexts: ReadonlyMap<string, string> = new Map()): number {
  const holders = new Map<string, Y.XmlElement[]>();
  for (const { element, id } of blocksWithId(doc)) holders.set(id, [...(holders.get(id) ?? []), element]);
  const taken = new Set(holders.keys());
  // Blocks that should carry an id and lost it (a concurrent change the editors' own id extension
  // does not touch, since it fixes only local transactions) get one too.
  const rename: Y.XmlElement[] = blocksWithoutId(doc);
  for (const [id, elements] of holders) {
    if (elements.length < 2) continue;
    const anchored = anchorTexts.get(id);
    let keep = 0;
    if (anchored !== undefined) {
      let best = -1;
      elements.forEach((element, k) => {
        const score = textSimilarity(textOf(element), anchored);
        if (score > best) [best, keep] = [score, k];
      });
    }
    elements.forEach((element, k) => k !== keep && rename.push(element));
  }
  if (rename.length === 0) return 0;
  doc.transact(() => {
    for (const element of rename) {
      let id = newId();
      while (taken.has(id)) id = newId();
      taken.add(id);
      element.setAttribute("id", id);
    }
  }, SERVER_ORIGIN);
  return rename.length;
}

/**
 * Keeps block ids unique in a document room: after changes (at most every `intervalMs`), duplicate
 * ids are repaired by `repairBlockIds`. Block ids anchor actions and comments, so two
 * blocks with one id would make an anchor ambiguous.
 */
export function blockIdGuard(
  log: Log,
  opts: { intervalMs?: number; newId?: () => string; anchorTexts?: (documentId: string) => Promise<ReadonlyMap<string, string>> } = {},
): ExtensionFactory<{ doc: Y.Doc; name: string; documentId?: string }> {
  return (room) => {
    let repairing = false;
    const check = throttle(async () => {
      repairing = true;
      try {
        const anchored = opts.anchorTexts && room.documentId ? await opts.anchorTexts(room.documentId) : undefined;
        const renamed = repairBlockIds(room.doc, opts.newId, anchored);
        if (renamed) log(`gave ${renamed} block(s) of ${room.name} a fresh id (duplicate or missing ids)`);
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
