import * as Y from "yjs";
import { commentAttributeName, isCommentAttribute } from "../editor/comment-mark.ts";
import { DOCUMENT_FIELD } from "../editor/extensions.ts";

// Comment marks in a document's Yjs text, read and written on the server. The browser never writes
// one: it sends the selection as two Yjs relative positions (stable ids of characters, so edits
// made meanwhile do not move them), and the server formats the text between them.

/** Every text node of the document, in reading order. */
function textsInOrder(fragment: Y.XmlFragment): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(fragment);
  return out;
}

type Point = { text: number; offset: number };

/** Whether `node` is `ancestor` or lies inside it. */
function within(node: Y.AbstractType<unknown> | null, ancestor: Y.AbstractType<unknown>): boolean {
  for (let n: Y.AbstractType<unknown> | null = node; n; n = (n._item?.parent as Y.AbstractType<unknown> | null) ?? null) if (n === ancestor) return true;
  return false;
}

/**
 * A relative position as (text node, offset). A position inside a text is that; one between blocks
 * (a container and a child index) becomes the start of the next text (`side: "start"`) or the end
 * of the previous one (`side: "end"`).
 */
function pointOf(doc: Y.Doc, texts: Y.XmlText[], rel: Y.RelativePosition, side: "start" | "end"): Point | null {
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  if (!abs) return null;
  const type = abs.type as Y.AbstractType<unknown>;
  if (type instanceof Y.XmlText) {
    const i = texts.indexOf(type);
    return i < 0 ? null : { text: i, offset: abs.index };
  }
  if (!(type instanceof Y.XmlElement || type instanceof Y.XmlFragment)) return null;
  const children = type.toArray();
  if (side === "start") {
    for (const child of children.slice(abs.index)) {
      const i = texts.findIndex((t) => within(t as unknown as Y.AbstractType<unknown>, child as Y.AbstractType<unknown>));
      if (i >= 0) return { text: i, offset: 0 };
    }
    return null;
  }
  for (const child of children.slice(0, abs.index).reverse()) {
    const i = texts.findLastIndex((t) => within(t as unknown as Y.AbstractType<unknown>, child as Y.AbstractType<unknown>));
    if (i >= 0) return { text: i, offset: texts[i]!.length };
  }
  return null;
}

/** The plain characters of a text node (its delta without formatting or embeds). */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");
}

export type MarkResult = { ok: true; quote: string } | { ok: false; reason: "unresolved" | "empty" };

/**
 * Adds thread `threadId`'s comment mark to the text between two relative positions (as encoded by
 * `Y.encodeRelativePosition`), in one transaction on `doc`. Returns the passage's text, or why
 * nothing was marked: "unresolved" (a position names characters this copy has not seen yet, or not
 * in this document) or "empty" (no text between them).
 */
export function addCommentMark(doc: Y.Doc, from: Uint8Array, to: Uint8Array, threadId: string): MarkResult {
  const texts = textsInOrder(doc.getXmlFragment(DOCUMENT_FIELD));
  let start: Point | null;
  let end: Point | null;
  try {
    start = pointOf(doc, texts, Y.decodeRelativePosition(from), "start");
    end = pointOf(doc, texts, Y.decodeRelativePosition(to), "end");
  } catch {
    return { ok: false, reason: "unresolved" };
  }
  if (!start || !end) return { ok: false, reason: "unresolved" };
  if (start.text > end.text || (start.text === end.text && start.offset >= end.offset)) return { ok: false, reason: "empty" };
  const key = commentAttributeName(threadId);
  const pieces: string[] = [];
  doc.transact(() => {
    for (let i = start.text; i <= end.text; i++) {
      const text = texts[i]!;
      const from = i === start.text ? start.offset : 0;
      const until = i === end.text ? end.offset : text.length;
      if (until <= from) continue;
      pieces.push(plain(text).slice(from, until));
      text.format(from, until - from, { [key]: { threadId } });
    }
  });
  const quote = pieces.join("\n").trim();
  return quote ? { ok: true, quote } : { ok: false, reason: "empty" };
}

/** Ids of the threads whose mark is still on some text of the document. */
export function markedThreadIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const text of textsInOrder(doc.getXmlFragment(DOCUMENT_FIELD))) {
    for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (!op.attributes || typeof op.insert !== "string" || op.insert.length === 0) continue;
      for (const [name, value] of Object.entries(op.attributes)) {
        const id = (value as { threadId?: unknown } | null)?.threadId;
        if (isCommentAttribute(name) && typeof id === "string") ids.add(id);
      }
    }
  }
  return ids;
}
