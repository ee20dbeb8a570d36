import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { jsonToYUpdate, ydocToHTML } from "./render.ts";
import { sanitizeVersionHtml } from "./sanitize-html.ts";

async function rendered(json: object) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(json as never));
  return ydocToHTML(doc);
}

describe("sanitizeVersionHtml", () => {
  it("keeps what our renderer writes: headings, emphasis, lists, tables, quotes, code and safe links", async () => {
    const html = await rendered({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Tittel æøå" }] },
        { type: "paragraph", content: [{ type: "text", text: "fet", marks: [{ type: "bold" }] }, { type: "text", text: " lenke", marks: [{ type: "link", attrs: { href: "https://nav.no/x?a=1&b=2" } }] }] },
        { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "a < b" }] }] }] },
        { type: "table", content: [
          { type: "tableRow", content: [{ type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: "H" }] }] }] },
          { type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "C" }] }] }] },
        ] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "sitat" }] }] },
      ],
    });
    expect(sanitizeVersionHtml(html, { headingOffset: 2 })).toBe(
      '<h4>Tittel æøå</h4><p><strong>fet</strong><a href="https://nav.no/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow"> lenke</a></p>' +
        "<ol><li><p>a &lt; b</p></li></ol>" +
        '<table><tbody><tr><th scope="col"><p>H</p></th></tr><tr><td><p>C</p></td></tr></tbody></table>' +
        "<blockquote><p>sitat</p></blockquote>",
    );
  });

  it("says a task item's state in words instead of an unlabelled checkbox", async () => {
    const html = await rendered({
      type: "doc",
      content: [{ type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [{ type: "paragraph", content: [{ type: "text", text: "Gjort" }] }] }] }],
    });
    const clean = sanitizeVersionHtml(html, { taskLabels: { done: "Fullført:", open: "Ikke fullført:" } });
    expect(clean).toBe('<ul class="task-list"><li><span class="task-item__state task-item__state--done">Fullført:</span> <p>Gjort</p></li></ul>');
  });

  it("drops scripts, styles, frames, forms, event handlers, ids, styles and unsafe links", () => {
    const evil =
      '<p id="x" style="color:red" onclick="alert(1)">hei<script>alert(1)</script><style>p{}</style></p>' +
      '<iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>' +
      '<a href="javascript:alert(1)">klikk</a><a href="data:text/html,x">data</a>' +
      '<form action="/x"><input name="a"><button>Send</button></form>' +
      '<svg><circle onload="alert(1)"></circle></svg><span class="x" data-x="1">innpakket</span><!-- kommentar -->' +
      '<p title="&quot;><script>alert(1)</script>">sitat</p><h6>lav</h6>';
    expect(sanitizeVersionHtml(evil, { headingOffset: 3 })).toBe("<p>hei</p>klikkdatainnpakket<p>sitat</p><h6>lav</h6>");
  });

  it("fails closed on markup the parser cannot make sense of", () => {
    // happy-dom swallows what follows a script inside svg; nothing of it may come out.
    const clean = sanitizeVersionHtml('<p>før</p><svg><script>alert(1)</script></svg><p onclick="x()">etter</p>');
    expect(clean.startsWith("<p>før</p>")).toBe(true);
    expect(clean).not.toMatch(/script|onclick|svg|alert/);
  });

  it("writes an image's alternative text in its place, never the image; a decorative one leaves nothing", () => {
    const html = '<figure data-image-id="abc12345"><img src="https://evil.example/x.png" alt="Kart &lt;b&gt;over&lt;/b&gt; fylket"></figure><figure><img alt=""></figure>';
    expect(sanitizeVersionHtml(html, { imageLabel: "Bilde:" })).toBe('<span class="image-alt">Bilde: Kart &lt;b&gt;over&lt;/b&gt; fylket</span>');
  });

  it("is empty for empty input", () => {
    expect(sanitizeVersionHtml("")).toBe("");
  });
});
