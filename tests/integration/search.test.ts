import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DOCUMENT_FIELD } from "../../lib/editor/extensions.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { until, yClient, type YClient } from "../support/yjs-client.ts";

// Search against the real server: text typed through a stock y-websocket client is found within
// 2 s; another forum's documents and actions are never found; æ/ø/å fold case but stay letters;
// FTS5 syntax typed by anyone never breaks the query.
const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let member: TestClient;
let other: Awaited<ReturnType<typeof buildOtherForum>>;
let otherAdmin: TestClient;
const open: YClient[] = [];
const tag = `s${Date.now().toString(36)}`;

interface Hit { kind: string; id: string; title: string; snippet: string; href: string; group: { id: string } }
const search = async (client: TestClient, q: string, extra: Record<string, string> = {}, forum = "ostfold") => {
  const res = await client.fetch(`/api/forums/${forum}/search?${new URLSearchParams({ q, ...extra }).toString()}`);
  return { status: res.status, body: (await res.json()) as { hits: Hit[]; nextCursor: number | null; error?: { message: string } } };
};
const hitIds = async (client: TestClient, q: string, extra: Record<string, string> = {}, forum = "ostfold") => (await search(client, q, extra, forum)).body.hits.map((h) => h.id);

async function createDocument(client: TestClient, forum: string, group: string, title: string) {
  const res = await client.json(`/api/forums/${forum}/groups/${group}/documents`, "POST", { title, kind: "NOTE" });
  expect(res.status).toBe(201);
  return ((await res.json()) as { document: { id: string } }).document.id;
}
async function createAction(client: TestClient, forum: string, group: string, title: string, description = "") {
  const res = await client.json(`/api/forums/${forum}/groups/${group}/actions`, "POST", { title, description });
  expect(res.status).toBe(201);
  return ((await res.json()) as { item: { id: string } }).item.id;
}

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
  member = await signedIn(baseUrl, "relevant1@samrad.example", DEMO_PASSWORD);
  other = await buildOtherForum(db);
  otherAdmin = await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD);
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await db.$disconnect();
});

describe("search", () => {
  it("finds a word typed into a live document (stock y-websocket client) within 2 s of the edit", async () => {
    const id = await createDocument(member, "ostfold", groupId, `Notat ${tag}`);
    const client = yClient(baseUrl, `document.${id}`, { cookie: member.cookieHeader() });
    open.push(client);
    await until(() => client.provider.synced, "synced");
    const word = `fjordlinje${tag}`;
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(`Vi foreslår ${word} for pendlere.`)]);
    const editedAt = Date.now();
    client.doc.getXmlFragment(DOCUMENT_FIELD).push([paragraph]);
    let hits: Hit[] = [];
    while (Date.now() - editedAt < 2000 && hits.length === 0) {
      hits = (await search(member, word)).body.hits;
      if (hits.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(hits.map((h) => h.id), "found within 2 s").toEqual([id]);
    expect(hits[0]!.snippet).toContain(`\u0002${word}\u0003`);
    expect(hits[0]!.href).toBe(`/f/ostfold/groups/${groupId}/documents/${id}`);
  });

  it("never finds another forum's documents or actions, whatever the filters; the other forum does", async () => {
    const word = `hemmelig${tag}`;
    const docId = await createDocument(otherAdmin, other.forum.slug, other.group.id, `Plan ${word}`);
    const res = await otherAdmin.json(`/api/forums/${other.forum.slug}/groups/${other.group.id}/actions`, "POST", { title: `Tiltak ${word}`, description: word });
    expect(res.status).toBe(201);
    // The other forum's own members find both (the words are indexed) ...
    expect((await search(otherAdmin, word, {}, other.forum.slug)).body.hits.map((h) => h.kind).sort()).toEqual(["action", "document"]);
    // ... a member of Østfold finds nothing of them, not even when naming their group ...
    expect(await hitIds(member, word)).toEqual([]);
    expect(await hitIds(member, word, { group: other.group.id })).toEqual([]);
    expect(await hitIds(member, word, { kind: "document" })).toEqual([]);
    // ... and cannot search the other forum (404, its existence is not revealed); anonymous is 401.
    expect((await search(member, word, {}, other.forum.slug)).status).toBe(404);
    expect((await search(new TestClient(baseUrl), word)).status).toBe(401);
    expect(docId).toBeTruthy();
  });

  it("folds case for æ, ø and å but never folds them to a or o", async () => {
    const hål = await createAction(member, "ostfold", groupId, `Tette hål i tilbudet ${tag}`, "ØSTFOLD trenger flere lærlinger");
    const hal = await createDocument(member, "ostfold", groupId, `Ny hal for idrett ${tag}`);
    const east = await createDocument(member, "ostfold", groupId, `Østfold ${tag}`);
    const sets = await Promise.all(["Østfold", "østfold", "ØSTFOLD"].map(async (q) => (await hitIds(member, `${q} ${tag}`)).sort()));
    expect(sets[0]).toEqual([hål, east].sort());
    expect(sets[1]).toEqual(sets[0]);
    expect(sets[2]).toEqual(sets[0]);
    expect(await hitIds(member, `hål ${tag}`)).toEqual([hål]);
    expect(await hitIds(member, `hal ${tag}`)).toEqual([hal]);
    expect(await hitIds(member, `Hål ${tag}`, { kind: "document" })).toEqual([]);
  });

  it("turns FTS5 syntax into plain words: never a 500", async () => {
    const hostile = ['"', '""', "Østfold\"", "NEAR(a b)", "NEAR/2", "title:x", "body:Østfold", "{title body}:x", "*", "a*", "-x", "x -y", "(x OR y", ")", "^x", "x AND", "OR", "NOT x", "'; DROP TABLE \"SearchEntry\"; --", "x:y:z", "æ*ø-å"];
    for (const q of hostile) expect((await search(member, q)).status, q).toBe(200);
  });

  it("refuses bad parameters with a readable 400", async () => {
    for (const params of [{}, { q: "" }, { q: "x", kind: "poem" }, { q: "x", limit: "0" }, { q: "x", limit: "51" }, { q: "x", cursor: "-1" }, { q: "x", group: "../x" }, { q: "x", status: "LOST" }, { q: "x", extra: "1" }, { q: "x".repeat(201) }]) {
      const res = await member.fetch(`/api/forums/ostfold/search?${new URLSearchParams(params as Record<string, string>).toString()}`);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
    }
  });
});
