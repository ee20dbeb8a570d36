import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FIELD, documentExtensions } from "../editor/extensions.ts";
import { jsonToYUpdate, ydocToHTML, ydocToJSON } from "../editor/render.ts";
import { addCommentMark, markedThreadIds } from "./marks.ts";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function docWith(...paragraphs: string[]) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate({ type: "doc", content: paragraphs.map(para) }));
  return doc;
}

const textOf = (doc: Y.Doc, i: number) => (doc.getXmlFragment(DOCUMENT_FIELD).get(i) as Y.XmlElement).get(0) as Y.XmlText;
const rel = (text: Y.XmlText, index: number, assoc = 0) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc));

/** The marked passages of each thread, as ProseMirror reads them. */
function marked(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of ydocToJSON(doc).content ?? []) {
    for (const node of block.content ?? []) {
      for (const mark of node.marks ?? []) {
        if (mark.type === "comment") out[mark.attrs!.threadId] = (out[mark.attrs!.threadId] ?? "") + node.text;
      }
    }
  }
  return out;
}

describe("comment marks in the Yjs text", () => {
  it("marks the text between two relative positions and reports the passage", () => {
    const doc = docWith("Østfold trenger flere lærlingplasser.");
    const t = textOf(doc, 0);
    const result = addCommentMark(doc, rel(t, 16), rel(t, 36), "th1");
    expect(result).toEqual({ ok: true, quote: "flere lærlingplasser" });
    expect(marked(doc)).toEqual({ th1: "flere lærlingplasser" });
    expect([...markedThreadIds(doc)]).toEqual(["th1"]);
  });

  it("keeps the mark on its words when text is typed before and inside the range", () => {
    const doc = docWith("Vi anbefaler fagbrev for voksne.");
    const t = textOf(doc, 0);
    const from = rel(t, 13);
    const to = rel(t, 31);
    // Someone types before the passage between the selection and the request.
    t.insert(0, "Konklusjon: ");
    expect(addCommentMark(doc, from, to, "th1")).toEqual({ ok: true, quote: "fagbrev for voksne" });
    // Then inside it, and before it again.
    t.insert(12 + 13 + 12, "flere ");
    t.insert(0, "1. ");
    expect(marked(doc)).toEqual({ th1: "fagbrev for flere voksne" });
  });

  it("spans paragraphs and lets two threads overlap", () => {
    const doc = docWith("Første avsnitt.", "Andre avsnitt.");
    const a = textOf(doc, 0);
    const b = textOf(doc, 1);
    expect(addCommentMark(doc, rel(a, 7), rel(b, 5), "th1")).toEqual({ ok: true, quote: "avsnitt.\nAndre" });
    expect(addCommentMark(doc, rel(b, 0), rel(b, 14), "th2").ok).toBe(true);
    expect(marked(doc)).toEqual({ th1: "avsnitt.Andre", th2: "Andre avsnitt." });
    expect(markedThreadIds(doc)).toEqual(new Set(["th1", "th2"]));
  });

  it("loses the thread from the text when the passage is deleted, and finds it again on undo", () => {
    const doc = docWith("Behold dette. Slett dette.");
    const t = textOf(doc, 0);
    addCommentMark(doc, rel(t, 14), rel(t, 26), "th1");
    const undo = new Y.UndoManager(doc.getXmlFragment(DOCUMENT_FIELD), { trackedOrigins: new Set(["user"]) });
    doc.transact(() => t.delete(14, 12), "user");
    expect(markedThreadIds(doc).size).toBe(0);
    undo.undo();
    expect([...markedThreadIds(doc)]).toEqual(["th1"]);
  });

  it("refuses positions it cannot resolve and empty ranges", () => {
    const doc = docWith("Tekst.");
    const other = docWith("Annen tekst.");
    const t = textOf(doc, 0);
    expect(addCommentMark(doc, rel(textOf(other, 0), 0), rel(textOf(other, 0), 5), "x")).toEqual({ ok: false, reason: "unresolved" });
    expect(addCommentMark(doc, rel(t, 3), rel(t, 3), "x")).toEqual({ ok: false, reason: "empty" });
    expect(addCommentMark(doc, rel(t, 4), rel(t, 2), "x")).toEqual({ ok: false, reason: "empty" });
    expect(addCommentMark(doc, new Uint8Array([1, 2, 3]), new Uint8Array([9]), "x")).toEqual({ ok: false, reason: "unresolved" });
    expect(markedThreadIds(doc).size).toBe(0);
  });

  it("sends the mark to another copy as an ordinary Yjs update", () => {
    const server = docWith("Felles tekst.");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const t = textOf(client, 0);
    const before = Y.encodeStateVector(server);
    expect(addCommentMark(server, rel(t, 0), rel(t, 6), "th9").ok).toBe(true);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, before));
    expect(marked(client)).toEqual({ th9: "Felles" });
  });
});

describe("comment marks in HTML", () => {
  it("are shown by the editor's rendering but never read back from HTML (a paste brings the words, not the thread)", async () => {
    const doc = docWith("Lim inn denne teksten.");
    const t = textOf(doc, 0);
    addCommentMark(doc, rel(t, 0), rel(t, 7), "th1");
    const html = await ydocToHTML(doc);
    expect(html).toContain('<span class="comment-mark" data-thread-id="th1">Lim inn</span>');
    const { generateJSON } = await import("@tiptap/html/server");
    const pasted = JSON.stringify(generateJSON(html, documentExtensions()));
    expect(pasted).toContain("Lim inn");
    expect(pasted).not.toContain("comment");
  });
});
