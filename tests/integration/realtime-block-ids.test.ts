import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { blocksWithId } from "../../lib/realtime/blocks.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, storedDocState, testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { trackSaved, until, yClient, type YClient } from "../support/yjs-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
const cookies: string[] = [];
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
  for (const email of ["relevant1@samrad.example", "relevant2@samrad.example"]) {
    cookies.push((await signedIn(baseUrl, email, DEMO_PASSWORD)).cookieHeader());
  }
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await db.$disconnect();
});

const ids = (doc: Y.Doc) => blocksWithId(doc).map((b) => b.id);
const unique = (doc: Y.Doc) => new Set(ids(doc)).size === ids(doc).length;

/** A bullet list with one item, carrying the given block id (as a split or paste in the editor can copy it). */
function bulletList(id: string, text: string) {
  const item = new Y.XmlElement("listItem");
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  item.insert(0, [p]);
  const list = new Y.XmlElement("bulletList");
  list.setAttribute("id", id);
  list.insert(0, [item]);
  return list;
}

describe("block-id uniqueness guard and anchor watch", () => {
  it("two stock clients that create the same block id concurrently both converge to unique ids; the anchor stays until its block is deleted", async () => {
    const { id } = await buildDocument(db, groupId, { title: "Dupliserte id-er" });
    const room = `document.${id}`;
    const [a, b] = cookies.map((cookie) => yClient(baseUrl, room, { cookie }));
    open.push(a!, b!);
    for (const c of [a!, b!]) trackSaved(c); // our "saved" messages, which a stock client would log as unknown
    await until(() => a!.provider.synced && b!.provider.synced, "both synced");

    // An action anchored to the id both lists will carry.
    const doc = await db.document.findUniqueOrThrow({ where: { id }, select: { forumId: true, createdById: true } });
    const action = await db.actionItem.create({
      data: { forumId: doc.forumId, groupId, title: "Forankret", createdById: doc.createdById, anchorDocumentId: id, anchorBlockId: "dup-list" },
      select: { id: true },
    });

    // Concurrent: A is offline while both insert a list with the same id, then A comes back.
    a!.provider.disconnect();
    a!.doc.getXmlFragment("default").push([bulletList("dup-list", "fra A")]);
    b!.doc.getXmlFragment("default").push([bulletList("dup-list", "fra B")]);
    a!.provider.connect();

    const sameContent = () => a!.doc.getXmlFragment("default").toString() === b!.doc.getXmlFragment("default").toString();
    await until(() => a!.provider.synced && sameContent() && unique(a!.doc) && unique(b!.doc), "converged to unique ids", 10_000);
    const text = a!.doc.getXmlFragment("default").toString();
    expect(text).toContain("fra A");
    expect(text).toContain("fra B");
    // The first holder kept the id; exactly one list carries it.
    expect(ids(a!.doc).filter((x) => x === "dup-list")).toHaveLength(1);

    // The repair is stored like any other change.
    await until(async () => {
      const stored = new Y.Doc();
      for (const u of await storedDocState(db, id)) Y.applyUpdate(stored, u);
      return stored.getXmlFragment("default").toString() === text;
    }, "repair stored", 10_000);

    // The anchor never went missing: its id is still in the document.
    await new Promise((r) => setTimeout(r, 1200));
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { anchorMissing: true } })).anchorMissing).toBe(false);

    // Deleting the block that holds it marks the action, and the group's live board follows.
    const board = yClient(baseUrl, `board.${groupId}`, { cookie: cookies[0] });
    open.push(board);
    trackSaved(board);
    await until(() => board.provider.synced, "board synced");
    const holder = a!.doc.getXmlFragment("default").toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute("id") === "dup-list");
    a!.doc.getXmlFragment("default").delete(holder, 1);
    await until(async () => (await db.actionItem.findUniqueOrThrow({ where: { id: action.id } })).anchorMissing, "anchor marked missing", 5_000);
    type Item = { anchor: { missing: boolean } | null };
    await until(() => board.doc.getMap<Item>("items").get(action.id)?.anchor?.missing === true, "board shows the missing anchor", 5_000);
  });
});
