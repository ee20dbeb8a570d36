import { getSchema, Mark, type JSONContent } from "@tiptap/core";
import { Slice, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import { ReplaceStep, Transform } from "@tiptap/pm/transform";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import { Change, ChangeSet, simplifyChanges } from "prosemirror-changeset";
import * as Y from "yjs";
import { DOCUMENT_FIELD, documentExtensions } from "../editor/extensions.ts";
import { ydocToJSON } from "../editor/render.ts";

// What versions are made of, beyond freezing (frozen-state.ts): bringing one back as an edit, telling
// whether two states hold the same edits, and showing what changed between two of them.

const schema = getSchema(documentExtensions());

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** The rich text of a Yjs state as a ProseMirror document of our schema. */
function pmDocOf(state: Uint8Array, on: Schema = schema): PMNode {
  const doc = docFrom(state);
  try {
    const json = ydocToJSON(doc);
    return on.nodeFromJSON(json.content?.length ? json : { type: "doc", content: [{ type: "paragraph" }] });
  } finally {
    doc.destroy();
  }
}

/**
 * Whether two states hold the same edits (the same insertions and deletions), however they are
 * encoded: a compacted snapshot and the log it was folded from are different bytes of one text.
 */
export function sameEdits(a: Uint8Array, b: Uint8Array): boolean {
  const x = docFrom(a);
  const y = docFrom(b);
  try {
    return Y.equalSnapshots(Y.snapshot(x), Y.snapshot(y));
  } finally {
    x.destroy();
    y.destroy();
  }
}

const sameJSON = (a: JSONContent, b: JSONContent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A Yjs update that, applied to `current` (the document's stored state), makes its text equal to
 * `target`'s (a version's state): a new edit on top of the history, never a rewrite of it. The
 * text is changed in place where it can be (unchanged paragraphs stay the same Yjs items, so an
 * edit someone makes in them at the same moment survives); should that not end in exactly the
 * version's text, the whole content is replaced. Also returns the state after the update (what
 * the RESTORE version freezes) — `update` is null when the text is already the version's.
 */
export function restoreUpdate(current: Uint8Array, target: Uint8Array): { update: Uint8Array | null; state: Uint8Array } {
  const wanted = (() => {
    const t = docFrom(target);
    try {
      return ydocToJSON(t);
    } finally {
      t.destroy();
    }
  })();
  const doc = docFrom(current);
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  try {
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    const node = schema.nodeFromJSON(wanted.content?.length ? wanted : { type: "doc", content: [] });
    doc.transact(() => prosemirrorToYXmlFragment(node, fragment));
    if (!sameJSON(ydocToJSON(doc), wanted)) {
      doc.transact(() => {
        fragment.delete(0, fragment.length);
        prosemirrorToYXmlFragment(node, fragment);
      });
    }
    if (!sameJSON(ydocToJSON(doc), wanted)) throw new Error("restoring a version did not reproduce its text");
    return { update: updates.length ? Y.mergeUpdates(updates) : null, state: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}

/** Labels read out by screen readers at the start of each marked change (colour and strike-through show it on screen). */
export interface DiffLabels {
  inserted: string;
  deleted: string;
}

function diffMarks(labels: DiffLabels) {
  return [
    Mark.create({
      name: "diffInserted",
      excludes: "diffDeleted",
      renderHTML: () => ["ins", { class: "diff-ins", "data-label": labels.inserted }, 0],
    }),
    Mark.create({
      name: "diffDeleted",
      excludes: "diffInserted",
      renderHTML: () => ["del", { class: "diff-del", "data-label": labels.deleted }, 0],
    }),
  ];
}

/**
 * A replacement inside one paragraph narrowed to what really differs: the token diff sometimes
 * replaces "l" by "flere l" where inserting "flere " says the same, and the word-level
 * simplification would then widen that to the whole word and its neighbours.
 */
function trimmed(change: Change, oldDoc: PMNode, newDoc: PMNode): Change {
  if (change.fromA === change.toA || change.fromB === change.toB) return change;
  const a = oldDoc.resolve(change.fromA);
  const b = newDoc.resolve(change.fromB);
  if (!a.parent.isTextblock || !b.parent.isTextblock || !a.sameParent(oldDoc.resolve(change.toA)) || !b.sameParent(newDoc.resolve(change.toB))) return change;
  // Inside one textblock every position is one character (leaf nodes count as one, like "\ufffc").
  const x = oldDoc.textBetween(change.fromA, change.toA, undefined, "\ufffc");
  const y = newDoc.textBetween(change.fromB, change.toB, undefined, "\ufffc");
  if (x.length !== change.toA - change.fromA || y.length !== change.toB - change.fromB) return change;
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head += 1;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail += 1;
  if (head === 0 && tail === 0) return change;
  const lenA = x.length - head - tail;
  const lenB = y.length - head - tail;
  return Change.fromJSON({
    fromA: change.fromA + head, toA: change.toA - tail, fromB: change.fromB + head, toB: change.toB - tail,
    deleted: lenA > 0 ? [{ length: lenA, data: change.deleted[0]?.data ?? null }] : [],
    inserted: lenB > 0 ? [{ length: lenB, data: change.inserted[0]?.data ?? null }] : [],
  });
}

/** The character at `pos` when it is text inside a textblock, else null. */
function charAt(doc: PMNode, pos: number): string | null {
  if (pos >= doc.content.size) return null;
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock || $pos.parentOffset >= $pos.parent.content.size) return null;
  return doc.textBetween(pos, pos + 1, undefined, "\ufffc") || null;
}

/**
 * A pure deletion (or insertion) whose text could as well sit one character further on — the
 * same characters kept either way, as the "." in "…plasser.|¶Dette går ut." — is moved until it
 * ends at the end of a paragraph, if it can: the deleted paragraph then reads as a whole one.
 */
function slid(change: Change, oldDoc: PMNode, newDoc: PMNode): Change {
  const deletion = change.fromB === change.toB && change.fromA < change.toA;
  const insertion = change.fromA === change.toA && change.fromB < change.toB;
  if (!deletion && !insertion) return change;
  const doc = deletion ? oldDoc : newDoc;
  let from = deletion ? change.fromA : change.fromB;
  let to = deletion ? change.toA : change.toB;
  const atBlockEnd = (pos: number) => {
    const $pos = doc.resolve(pos);
    return $pos.parent.isTextblock && $pos.parentOffset === $pos.parent.content.size;
  };
  for (let shift = 1; shift <= 40 && !atBlockEnd(to); shift += 1) {
    const c = charAt(doc, from);
    if (c === null || c !== charAt(doc, to)) return change;
    from += 1;
    to += 1;
    if (atBlockEnd(to)) {
      return Change.fromJSON({
        fromA: change.fromA + shift, toA: change.toA + shift, fromB: change.fromB + shift, toB: change.toB + shift,
        deleted: change.deleted.map((d) => ({ length: d.length, data: d.data })),
        inserted: change.inserted.map((d) => ({ length: d.length, data: d.data })),
      });
    }
  }
  return change;
}

/** What changed from one version to another, as HTML of the newer text with the insertions marked
 * `<ins>` and the deleted text put back where it was, marked `<del>`. prosemirror-changeset finds
 * the changes: one step replaces the whole old document with the new one, and the change set's own
 * token diff narrows that down to the words and characters that differ (then widened to whole words
 * where a word was partly rewritten, which reads better). Not a line diff of the HTML.
 */
export async function diffHTML(from: Uint8Array, to: Uint8Array, labels: DiffLabels): Promise<{ html: string; insertions: number; deletions: number }> {
  const extensions = [...documentExtensions(), ...diffMarks(labels)];
  const diffSchema = getSchema(extensions);
  const oldDoc = pmDocOf(from, diffSchema);
  const newDoc = pmDocOf(to, diffSchema);
  const step = new ReplaceStep(0, oldDoc.content.size, new Slice(newDoc.content, 0, 0));
  const raw = ChangeSet.create(oldDoc).addSteps(newDoc, [step.getMap()], null).changes;
  const changes = simplifyChanges(raw.map((change) => slid(trimmed(change, oldDoc, newDoc), oldDoc, newDoc)), newDoc);

  const inserted = diffSchema.marks.diffInserted!.create();
  const deleted = diffSchema.marks.diffDeleted!.create();
  const tr = new Transform(newDoc);
  let insertions = 0;
  let deletions = 0;
  // Back to front, so the positions of the changes still to do are not moved by those done.
  for (const change of [...changes].reverse()) {
    if (change.toB > change.fromB) {
      tr.addMark(change.fromB, change.toB, inserted);
      insertions += 1;
    }
    if (change.toA > change.fromA) {
      const size = tr.doc.content.size;
      try {
        tr.replace(change.fromB, change.fromB, oldDoc.slice(change.fromA, change.toA));
      } catch {
        // Content that cannot stand at this place in the new structure is left out of the view.
      }
      const added = tr.doc.content.size - size;
      if (added > 0) {
        tr.addMark(change.fromB, change.fromB + added, deleted);
        deletions += 1;
      }
    }
  }
  const { generateHTML } = await import("@tiptap/html/server");
  return { html: generateHTML(tr.doc.toJSON() as JSONContent, extensions), insertions, deletions };
}
