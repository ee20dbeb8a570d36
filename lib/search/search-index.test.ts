import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { migrateDatabase } from "../db/prepare.ts";
import { searchForum } from "../services/search.ts";
import { searchQuerySchema } from "../validation/search.ts";
import { plainText } from "./highlight.ts";
import { dropTestDatabase, freshTestDatabase, TEST_DIALECT, testDatabase } from "../../tests/support/test-database.ts";
import { ensureSearchIndex, indexAction, indexComment, indexDocument, indexThread, rebuildSearchIndex, removeFromIndex, searchIndex } from "./index.ts";

// The search index on a real database, migrated like the server's (TEST_DATABASE: SQLite's FTS5 or
// PostgreSQL's tsvector, picked by the client's database):
// Norwegian folding, hostile query syntax, filters, comments and the rebuild, the same on both.
const database = testDatabase("search-index");
let db: Db;
let viewer: ForumAccess;
const ids = {} as Record<"forum" | "group" | "group2" | "area" | "user" | "doc" | "doc2" | "action" | "thread" | "comment" | "comment2", string>;

const search = (q: string, extra: Record<string, string> = {}) => searchForum(viewer, searchQuerySchema.parse({ q, ...extra }), db);
const titles = async (q: string, extra: Record<string, string> = {}) => (await search(q, extra)).hits.map((h) => `${h.kind}:${plainText(h.title) || h.parentTitle}`).sort();

beforeAll(async () => {
  await freshTestDatabase(database);
  await migrateDatabase(database.url);
  db = createDb(database.url);
  const user = await db.user.create({ data: { email: "s@example.org", name: "S", passwordHash: "x" } });
  const forum = await db.forum.create({ data: { slug: "s", name: "S" } });
  await db.forumMember.create({ data: { forumId: forum.id, userId: user.id, role: "MEMBER" } });
  const group = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "Gruppe én" } });
  const group2 = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "Gruppe to" } });
  const area = await db.targetArea.create({ data: { forumId: forum.id, name: "Område" } });
  const doc = await db.document.create({
    data: { forumId: forum.id, groupId: group.id, kind: "NOTE", title: "Fagskole i Østfold", createdById: user.id, targetAreas: { create: [{ targetAreaId: area.id }] } },
  });
  const doc2 = await db.document.create({ data: { forumId: forum.id, groupId: group2.id, kind: "NOTE", title: "Havn og hal", createdById: user.id } });
  const action = await db.actionItem.create({
    data: { forumId: forum.id, groupId: group2.id, title: "Kartlegg hål i tilbudet", description: "ØSTFOLD trenger flere læreplasser", createdById: user.id },
  });
  const thread = await db.commentThread.create({ data: { forumId: forum.id, documentId: doc.id, createdById: user.id } });
  const comment = await db.comment.create({ data: { threadId: thread.id, authorId: user.id, body: "Blåbærsyltetøy er et godt eksempel" } });
  const comment2 = await db.comment.create({ data: { threadId: thread.id, authorId: user.id, body: "Enig om blåbær" } });
  Object.assign(ids, { forum: forum.id, group: group.id, group2: group2.id, area: area.id, user: user.id, doc: doc.id, doc2: doc2.id, action: action.id, thread: thread.id, comment: comment.id, comment2: comment2.id });
  viewer = { userId: user.id, forum: { id: forum.id, slug: "s", name: "S", description: "" }, role: "MEMBER", groupIds: [group.id], groupKinds: ["COMPETENCE"] };
  await db.$transaction(async (tx) => {
    await indexDocument(tx, doc.id, { body: "Kommunene i østfold mangler helsefagarbeidere. Vi anbefaler flere læreplasser." });
    await indexDocument(tx, doc2.id, { body: "Om hallen ved havna" });
    await indexAction(tx, action.id);
    await indexComment(tx, comment.id);
    await indexComment(tx, comment2.id);
  });
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await dropTestDatabase(database);
});

describe(`search index (${TEST_DIALECT})`, () => {
  it("folds case across æ, ø, å: Østfold, østfold and ØSTFOLD find the same", async () => {
    const expected = ["action:Kartlegg hål i tilbudet", "document:Fagskole i Østfold"];
    for (const q of ["Østfold", "østfold", "ØSTFOLD"]) expect(await titles(q), q).toEqual(expected);
  });

  it("never folds å to a: hål is not hal", async () => {
    expect(await titles("hål")).toEqual(["action:Kartlegg hål i tilbudet"]);
    expect(await titles("hal")).toEqual(["document:Havn og hal"]);
  });

  it("matches the last word as a prefix while typing, and highlights matched words", async () => {
    const { hits } = await search("helsefag");
    expect(hits.map((h) => h.id)).toEqual([ids.doc]);
    expect(hits[0]!.snippet).toContain("\u0002helsefagarbeidere\u0003");
    expect(hits[0]!.href).toBe(`/f/s/groups/${ids.group}/documents/${ids.doc}`);
  });

  it("finds comments under their document, linked to their thread", async () => {
    const { hits } = await search("blåbær");
    const link = `/f/s/groups/${ids.group}/documents/${ids.doc}#thread-${ids.thread}`;
    expect(hits.map((h) => [h.kind, h.id, h.parentTitle, h.href]).sort()).toEqual(
      [["comment", ids.comment, "Fagskole i Østfold", link], ["comment", ids.comment2, "Fagskole i Østfold", link]].sort(),
    );
    expect(await titles("blåbær", { status: "OPEN", kind: "comment" })).toHaveLength(2);
  });

  it("re-indexes a thread's comments when it is resolved, and drops deleted ones", async () => {
    await db.commentThread.update({ where: { id: ids.thread }, data: { resolvedAt: new Date() } });
    await db.comment.update({ where: { id: ids.comment2 }, data: { deletedAt: new Date(), body: "" } });
    await db.$transaction((tx) => indexThread(tx, ids.thread));
    expect((await search("blåbær", { status: "RESOLVED" })).hits.map((h) => h.id)).toEqual([ids.comment]);
    expect((await search("blåbær", { status: "OPEN" })).hits).toEqual([]);
    await db.$transaction((tx) => removeFromIndex(tx, "comment", ids.comment));
    expect((await search("blåbær")).hits).toEqual([]);
  });

  it("filters by group, kind, target area and status", async () => {
    expect(await titles("østfold", { group: ids.group })).toEqual(["document:Fagskole i Østfold"]);
    expect(await titles("østfold", { kind: "action" })).toEqual(["action:Kartlegg hål i tilbudet"]);
    expect(await titles("østfold", { area: ids.area })).toEqual(["document:Fagskole i Østfold"]);
    expect(await titles("østfold", { status: "DRAFT" })).toEqual(["document:Fagskole i Østfold"]);
    expect(await titles("østfold", { status: "IN_PROGRESS" })).toEqual([]);
  });

  it("answers hostile FTS syntax with plain-word searches, never an error", async () => {
    for (const q of ['"', '"østfold', "NEAR(østfold læreplasser)", "title:østfold", "body:*", "østfold -læreplasser", "(østfold OR x)", "*", "^østfold", "'; DROP TABLE x; --"]) {
      await expect(search(q), q).resolves.toBeDefined();
    }
    expect(await titles("title:østfold")).toEqual([]);
  });

  it("pages with a cursor", async () => {
    const first = await search("østfold", { limit: "1" });
    expect(first.hits).toHaveLength(1);
    expect(first.nextCursor).toBe(1);
    const second = await search("østfold", { limit: "1", cursor: "1" });
    expect(second.hits).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.hits[0]!.id).not.toBe(first.hits[0]!.id);
  });

  it("rebuilds from the stored rows when the index is of another build", async () => {
    await db.$transaction((tx) => searchIndex(tx).markBuilt(tx, 0));
    const rebuilt = await ensureSearchIndex(db);
    expect(rebuilt.rebuilt).toBe(true);
    // Documents without stored live text index an empty body; titles and actions are there.
    expect(await titles("østfold")).toEqual(["action:Kartlegg hål i tilbudet", "document:Fagskole i Østfold"]);
    expect((await ensureSearchIndex(db)).rebuilt).toBe(false);
    expect((await rebuildSearchIndex(db)).entries).toBe(4);
  });
});
