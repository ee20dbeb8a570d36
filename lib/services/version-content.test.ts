import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../editor/extensions.ts";
import { jsonToYUpdate, ydocToText } from "../editor/render.ts";
import { diffHTML, restoreUpdate, sameEdits } from "./version-content.ts";

const para = (text: string, id?: string) => ({ type: "paragraph", attrs: id ? { id } : {}, content: [{ type: "text", text }] });
const docOf = (...paragraphs: ReturnType<typeof para>[]) => ({ type: "doc", content: paragraphs });
const textOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return ydocToText(doc);
};

/** A live document that starts as `initial` and is then edited into `edited` (a real Yjs history). */
function history(initial: ReturnType<typeof docOf>, edit: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(initial));
  const before = Y.encodeStateAsUpdate(doc);
  edit(doc);
  return { before, after: Y.encodeStateAsUpdate(doc), doc };
}

const appendText = (text: string) => (doc: Y.Doc) => {
  const p = doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
  const t = p.get(0) as Y.XmlText;
  t.insert(t.length, text);
};

describe("restoreUpdate", () => {
  it("makes the stored text equal to the version's, as a new edit on top of the history", () => {
    const { before, after } = history(docOf(para("Første avsnitt", "a"), para("Andre avsnitt", "b")), appendText(" med tillegg"));
    expect(textOf(after)).toContain("med tillegg");
    const { update, state } = restoreUpdate(after, before);
    expect(update).not.toBeNull();
    const live = new Y.Doc();
    Y.applyUpdate(live, after);
    Y.applyUpdate(live, update!);
    expect(ydocToText(live)).toBe(textOf(before));
    expect(textOf(state)).toBe(textOf(before));
    // The history is kept: the state after the restore still holds everything before it.
    const sv = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(after))) expect(sv.get(client)).toBeGreaterThanOrEqual(clock);
  });

  it("keeps an edit made at the same moment in a paragraph the restore does not touch", () => {
    const { before, after, doc } = history(docOf(para("Første", "a"), para("Andre", "b")), appendText(" endret"));
    const { update } = restoreUpdate(after, before);
    // Meanwhile someone writes in the second paragraph (not yet in the stored state).
    const second = (doc.getXmlFragment(DOCUMENT_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    second.insert(second.length, " samtidig");
    Y.applyUpdate(doc, update!);
    expect(ydocToText(doc)).toBe("Første\n\nAndre samtidig");
  });

  it("is null when the text already is the version's", () => {
    const { before } = history(docOf(para("Uendret")), () => {});
    expect(restoreUpdate(before, before).update).toBeNull();
  });
});

describe("sameEdits", () => {
  it("tells the same edits in other bytes from different edits", () => {
    const { before, after } = history(docOf(para("Tekst")), appendText("!"));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(new Y.Doc()));
    Y.applyUpdate(copy, after);
    expect(sameEdits(after, Y.encodeStateAsUpdate(copy))).toBe(true);
    expect(sameEdits(before, after)).toBe(false);
  });
});

describe("diffHTML", () => {
  const labels = { inserted: "Satt inn:", deleted: "Slettet:" };
  it("marks inserted and deleted words in the rendered text", async () => {
    const from = jsonToYUpdate(docOf(para("Fylket skal tilby flere læreplasser", "a"), para("Uendret avsnitt", "b")));
    const to = jsonToYUpdate(docOf(para("Fylket skal tilby mange flere læreplasser i helse", "a"), para("Uendret avsnitt", "b")));
    const { html, insertions, deletions } = await diffHTML(from, to, labels);
    expect(insertions).toBeGreaterThan(0);
    expect(deletions).toBe(0);
    expect(html).toMatch(/<ins class="diff-ins" data-label="Satt inn:">mange <\/ins>/);
    expect(html).toContain("Uendret avsnitt");
    expect(html).not.toMatch(/<ins[^>]*>Uendret/);
  });

  it("puts deleted text back where it was, marked", async () => {
    const from = jsonToYUpdate(docOf(para("Dette blir stående. Dette fjernes."), para("Hele avsnittet går ut")));
    const to = jsonToYUpdate(docOf(para("Dette blir stående.")));
    const { html, deletions } = await diffHTML(from, to, labels);
    expect(deletions).toBeGreaterThan(0);
    expect(html).toMatch(/<del class="diff-del" data-label="Slettet:">[^<]*Dette fjernes\.?/);
    expect(html).toMatch(/<del[^>]*>Hele avsnittet går ut<\/del>/);
  });
});

describe("diffHTML, a paragraph removed and a word added", () => {
  it("marks just the added word and the removed paragraph", async () => {
    const from = jsonToYUpdate(docOf(para("Fylket skal tilby læreplasser."), para("Dette avsnittet går ut.")));
    const to = jsonToYUpdate(docOf(para("Fylket skal tilby flere læreplasser.")));
    const { html } = await diffHTML(from, to, { inserted: "Satt inn:", deleted: "Slettet:" });
    expect(html).toMatch(/tilby <ins[^>]*>flere <\/ins>læreplasser\./);
    expect(html).toMatch(/<del[^>]*>Dette avsnittet går ut\.?<\/del>/);
  });
});
