import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isSafeLinkUrl } from "./extensions.ts";
import { withoutLeadingTitle } from "./preview.ts";
import { excerptOf, jsonToYUpdate, ydocToHTML, ydocToPreviewText, ydocToText } from "./render.ts";

function docOf(json: object) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(json as never));
  return doc;
}

const sample = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Anbefaling" }] },
    { type: "paragraph", content: [{ type: "text", text: "Første avsnitt med " }, { type: "text", text: "lenke", marks: [{ type: "link", attrs: { href: "https://samrad.example" } }] }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Punkt æøå" }] }] }] },
    { type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [{ type: "paragraph", content: [{ type: "text", text: "Gjort" }] }] }] },
  ],
};

describe("server-side rendering with the shared extension list", () => {
  it("renders plain text, block by block", () => {
    expect(ydocToText(docOf(sample))).toBe("Anbefaling\n\nFørste avsnitt med lenke\n\nPunkt æøå\n\nGjort");
  });

  it("renders HTML with headings, lists, task items and safe links", async () => {
    const html = await ydocToHTML(docOf(sample));
    // The text's headings start at level 2 (the page's title is the one level-1 heading): an old level-1 heading shows as level 2.
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h2");
    expect(html).toContain('href="https://samrad.example"');
    expect(html).toContain("<li");
    expect(html).toContain('data-type="taskList"');
  });

  it("drops links to unsafe protocols", async () => {
    const evil = docOf({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "klikk", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
    });
    expect(await ydocToHTML(evil)).not.toContain("javascript:");
  });

  it("is empty for an empty document", async () => {
    expect(ydocToText(new Y.Doc())).toBe("");
    expect(await ydocToHTML(new Y.Doc())).toBe("");
  });

  it("makes previews without a leading copy of the title", () => {
    expect(ydocToPreviewText(docOf(sample))).toBe("Første avsnitt med lenke\n\nPunkt æøå\n\nGjort");
    expect(withoutLeadingTitle("Anbefaling Første avsnitt", "Anbefaling")).toBe("Første avsnitt");
    expect(withoutLeadingTitle("Anbefaling", "Anbefaling")).toBe("");
    expect(withoutLeadingTitle("Anbefalingene er klare", "Anbefaling")).toBe("Anbefalingene er klare");
    expect(withoutLeadingTitle("Noe annet", "Anbefaling")).toBe("Noe annet");
  });

  it("renders an image as its alternative text only, with no address, on the server", async () => {
    const doc = docOf({ type: "doc", content: [{ type: "image", attrs: { imageId: "ckimage0000000000000001", alt: 'Kart "over" fylket' } }] });
    const html = await ydocToHTML(doc);
    expect(html).toContain('data-image-id="ckimage0000000000000001"');
    expect(html).toContain('alt="Kart &quot;over&quot; fylket"');
    expect(html).not.toContain("src=");
    const evil = docOf({ type: "doc", content: [{ type: "image", attrs: { imageId: "../../x?y", alt: "" } }] });
    expect(await ydocToHTML(evil)).not.toContain("../");
  });

  it("makes short previews", () => {
    expect(excerptOf("a  b\n\nc")).toBe("a b c");
    expect(excerptOf("x".repeat(400)).length).toBe(280);
  });
});

describe("isSafeLinkUrl", () => {
  it("allows only http, https and mailto", () => {
    expect(isSafeLinkUrl("https://nav.no")).toBe(true);
    expect(isSafeLinkUrl("http://example.no/a?b")).toBe(true);
    expect(isSafeLinkUrl("mailto:post@viken.no")).toBe(true);
    expect(isSafeLinkUrl("javascript:alert(1)")).toBe(false);
    expect(isSafeLinkUrl("data:text/html,x")).toBe(false);
    expect(isSafeLinkUrl("ftp://x")).toBe(false);
    expect(isSafeLinkUrl("/relative")).toBe(false);
  });
});
