import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DOCUMENT_FIELD } from "../../lib/editor/extensions.ts";
import { ydocToHTML } from "../../lib/editor/render.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, storedDocState, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";
import { covers, trackSaved, until, yClient } from "../support/yjs-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let member: TestClient;
let groupId: string;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } })).id;
  member = await signedIn(baseUrl, "inkludering2@samrad.example", DEMO_PASSWORD);
});
afterAll(async () => {
  await db.$disconnect();
});

/** Link marks as a crafted client could send them: every attribute a browser would act on. */
const CRAFTED_LINKS = [
  { href: "https://example.org/ok", target: "_self", rel: "opener", class: "button evil", onclick: "alert(1)", style: "position:fixed;inset:0", title: "t" },
  { href: "javascript:alert(document.cookie)", target: "_top", rel: "opener", class: "x", onmouseover: "alert(2)" },
  { href: "mailto:a@example.org", target: "_parent", rel: "preload", class: "y" },
];

describe("link marks from a crafted Yjs update", () => {
  it("keep only a safe href when the server renders the stored document (and its frozen version)", async () => {
    const { id } = await buildDocument(db, groupId);
    const client = yClient(baseUrl, `document.${id}`, { cookie: member.cookieHeader() });
    const saved = trackSaved(client);
    await until(() => client.provider.synced, "synced");
    client.doc.transact(() => {
      const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
      for (const link of CRAFTED_LINKS) {
        const paragraph = new Y.XmlElement("paragraph");
        const text = new Y.XmlText();
        text.insert(0, "klikk her", { link });
        paragraph.insert(0, [text]);
        fragment.insert(fragment.length, [paragraph]);
      }
    });
    await until(() => covers(saved.latest(), Y.decodeStateVector(Y.encodeStateVector(client.doc))), "saved");
    client.destroy();

    const doc = new Y.Doc();
    for (const update of await storedDocState(db, id)) Y.applyUpdate(doc, update);
    const html = await ydocToHTML(doc);
    expect(html).toContain('href="https://example.org/ok"');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).not.toMatch(/javascript:|onclick|onmouseover|style=|class=|_self|_top|_parent|opener"|preload|title=/);
    // External links open in a new tab, without access to this page.
    expect(html).toContain('<a href="https://example.org/ok" target="_blank" rel="noopener noreferrer">');
    expect(html).toMatch(/<a href="mailto:a@example.org">/);

    const res = await member.json(`/api/forums/ostfold/documents/${id}/versions`, "POST", { name: "Lenker" });
    expect(res.ok).toBe(true);
    const version = await db.documentVersion.findFirstOrThrow({ where: { documentId: id }, orderBy: { number: "desc" }, select: { html: true } });
    expect(version.html).not.toMatch(/javascript:|onclick|onmouseover|style=|class=|_self|_top|_parent|opener"|preload/);
  });
});
