import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DOCUMENT_FIELD } from "../../lib/editor/extensions.ts";
import { ydocToJSON } from "../../lib/editor/render.ts";
import type { ThreadView } from "../../lib/presenters/comment.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, buildOtherForum, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { cast, TestClient } from "../support/http-client.ts";
import { covers, trackSaved, until, yClient, type YClient } from "../support/yjs-client.ts";

// Comment threads against the real server and database, with stock y-websocket clients: the
// steering group reads documents over a read-only socket and still comments, because the server
// (not the client) puts the comment mark into the text.

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let c: Record<"member" | "lead" | "leader" | "steering" | "otherGroup" | "outsider" | "anonymous", TestClient>;
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe livslang læring" } })).id;
  const other = await buildOtherForum(db);
  c = await cast(baseUrl, ["member", "lead", "leader", "steering", "otherGroup"], DEMO_PASSWORD, { email: other.admin.email, password: FACTORY_PASSWORD });
});
afterAll(async () => {
  for (const y of open) y.destroy();
  await db.$disconnect();
});

const threadsPath = (documentId: string) => `/api/forums/ostfold/documents/${documentId}/threads`;
const threadPath = (threadId: string) => `/api/forums/ostfold/threads/${threadId}`;
const repliesPath = (threadId: string) => `/api/forums/ostfold/threads/${threadId}/comments`;
const commentPath = (commentId: string) => `/api/forums/ostfold/comments/${commentId}`;

const paragraph = (doc: Y.Doc, i: number) => (doc.getXmlFragment(DOCUMENT_FIELD).get(i) as Y.XmlElement).get(0) as Y.XmlText;
const plain = (text: Y.XmlText) => (text.toDelta() as { insert: string }[]).map((op) => op.insert).join("");
const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString("base64");

/** The selection of `words` in paragraph `i` of a client's copy, as the editor sends it. */
function selection(doc: Y.Doc, i: number, words: string) {
  const text = paragraph(doc, i);
  const at = plain(text).indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in paragraph ${i}`);
  return { from: b64(Y.createRelativePositionFromTypeIndex(text, at)), to: b64(Y.createRelativePositionFromTypeIndex(text, at + words.length)) };
}

/** The text each thread's mark covers in a copy of the document, as the editor reads it. */
function markedText(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of ydocToJSON(doc).content ?? []) {
    for (const node of block.content ?? []) {
      for (const mark of node.marks ?? []) if (mark.type === "comment") out[mark.attrs!.threadId] = (out[mark.attrs!.threadId] ?? "") + node.text;
    }
  }
  return out;
}

/** A member's stock client on a new document with these paragraphs, stored; and a steering member's read-only client. */
async function documentWith(texts: string[]) {
  const { id } = await buildDocument(db, groupId);
  const writer = yClient(baseUrl, `document.${id}`, { cookie: c.member.cookieHeader() });
  const reader = yClient(baseUrl, `document.${id}`, { cookie: c.steering.cookieHeader() });
  open.push(writer, reader);
  const saved = trackSaved(writer);
  const readerNotices = trackSaved(reader);
  await until(() => writer.provider.synced && reader.provider.synced, "clients synced");
  writer.doc.transact(() => {
    const fragment = writer.doc.getXmlFragment(DOCUMENT_FIELD);
    fragment.delete(0, fragment.length);
    fragment.insert(0, texts.map((t) => {
      const p = new Y.XmlElement("paragraph");
      p.setAttribute("id", randomUUID());
      p.insert(0, [new Y.XmlText(t)]);
      return p;
    }));
  });
  const stored = () => covers(saved.latest(), Y.decodeStateVector(Y.encodeStateVector(writer.doc)));
  await until(stored, "text stored");
  await until(() => reader.doc.getXmlFragment(DOCUMENT_FIELD).length === texts.length, "reader has the text");
  return { id, writer, reader, stored, readerNotices };
}

async function post(who: TestClient, path: string, body: unknown, method = "POST") {
  const res = await who.json(path, method, body);
  return { status: res.status, body: (await res.json()) as { thread: ThreadView; error?: { message: string } } };
}

describe("comment threads on a document", () => {
  it("a steering member on a read-only socket comments, edits and resolves; the mark reaches every editor", async () => {
    const { id, writer, reader, readerNotices } = await documentWith(["Vi anbefaler flere lærlingplasser i Østfold.", "Andre avsnitt."]);
    expect(reader.closeCodes).toEqual([]);
    const notices = readerNotices.threadNotices();

    // The steering member's own copy names the words; the server marks them.
    const created = await post(c.steering, threadsPath(id), { ...selection(reader.doc, 0, "flere lærlingplasser"), body: "Hvor mange plasser mangler, @Jonas Dahl?" });
    expect(created.status).toBe(201);
    const thread = created.body.thread;
    expect(thread).toMatchObject({ quote: "flere lærlingplasser", resolved: false, detached: false, createdBy: { name: "Knut Andersen" } });
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]!.mentions).toEqual([expect.objectContaining({ name: "Jonas Dahl" })]);
    expect(thread.abilities).toEqual({ read: true, reply: true, resolve: true });

    await until(() => markedText(writer.doc)[thread.id] === "flere lærlingplasser", "writer sees the mark");
    await until(() => markedText(reader.doc)[thread.id] === "flere lærlingplasser", "reader sees the mark");
    await until(() => readerNotices.threadNotices() > notices, "reader told that threads changed");

    // The mentioned member is told; so is the group (it follows its documents), but never the author.
    const jonas = await db.user.findUniqueOrThrow({ where: { email: "livslang2@samrad.example" } });
    const knut = await db.user.findUniqueOrThrow({ where: { email: "styring2@samrad.example" } });
    const notes = await db.notification.findMany({ where: { threadId: thread.id } });
    expect(notes.find((n) => n.userId === jonas.id)).toMatchObject({ type: "MENTION", actorId: knut.id, documentId: id });
    expect(notes.some((n) => n.type === "COMMENT_THREAD")).toBe(true);
    expect(notes.some((n) => n.userId === knut.id)).toBe(false);

    // The member replies; the author edits their comment; the member may not edit it.
    const reply = await post(c.member, repliesPath(thread.id), { body: "Omtrent 120, se https://example.org/tall." });
    expect(reply.status).toBe(201);
    expect(reply.body.thread.comments.map((x) => x.author.name)).toEqual(["Knut Andersen", "Jonas Dahl"]);
    expect((await db.notification.findFirst({ where: { threadId: thread.id, userId: knut.id, type: "COMMENT_REPLY" } }))).not.toBeNull();
    const first = thread.comments[0]!.id;
    expect((await post(c.member, commentPath(first), { body: "Endret av en annen" }, "PATCH")).status).toBe(403);
    const edited = await post(c.steering, commentPath(first), { body: "Hvor mange plasser mangler i 2027?" }, "PATCH");
    expect(edited.status).toBe(200);
    expect(edited.body.thread.comments[0]).toMatchObject({ body: "Hvor mange plasser mangler i 2027?", mentions: [] });
    expect(edited.body.thread.comments[0]!.editedAt).not.toBeNull();

    // A member who is not a lead may not resolve; the opener may, and may reopen.
    expect((await post(c.member, threadPath(thread.id), { resolved: true }, "PATCH")).status).toBe(403);
    const resolved = await post(c.steering, threadPath(thread.id), { resolved: true }, "PATCH");
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread).toMatchObject({ resolved: true, abilities: { reply: false, resolve: true } });
    expect((await post(c.member, repliesPath(thread.id), { body: "For sent" })).status).toBe(403);
    expect((await post(c.lead, threadPath(thread.id), { resolved: false }, "PATCH")).body.thread.resolved).toBe(false);

    // Comments are found by search (the edited words, not the old ones) and lead to their thread.
    const search = async (who: TestClient, q: string) =>
      ((await (await who.fetch(`/api/forums/ostfold/search?${new URLSearchParams({ q, kind: "comment" })}`)).json()) as { hits: { id: string; href: string }[] }).hits;
    expect((await search(c.otherGroup, "mangler i 2027")).map((h) => h.href)).toEqual([expect.stringContaining(`#thread-${thread.id}`)]);
    expect(await search(c.otherGroup, "Jonas Dahl")).toEqual([]);
    expect((await c.outsider.fetch(`/api/forums/ostfold/search?q=mangler`)).status).toBe(404);
    expect((await search(c.member, "omtrent 120")).length).toBe(1);

    // Deleting keeps the place in the conversation, not the words.
    const deleted = await c.member.fetch(commentPath(reply.body.thread.comments[1]!.id), { method: "DELETE" });
    expect(deleted.status).toBe(200);
    const list = (await (await c.otherGroup.fetch(threadsPath(id))).json()) as { threads: ThreadView[] };
    expect(list.threads[0]!.comments[1]).toMatchObject({ deleted: true, body: "" });
    expect(list.threads[0]!.abilities).toEqual({ read: true, reply: true, resolve: false });
    expect(await search(c.member, "omtrent 120")).toEqual([]);
  });

  it("keeps a thread on its words through edits before and inside the passage, and marks it detached when they are deleted", async () => {
    const { id, writer, stored } = await documentWith(["Kommunene trenger flere helsefagarbeidere innen 2030."]);
    const { body } = await post(c.member, threadsPath(id), { ...selection(writer.doc, 0, "flere helsefagarbeidere"), body: "Kilde?" });
    const threadId = body.thread.id;
    await until(() => markedText(writer.doc)[threadId] === "flere helsefagarbeidere", "mark arrived");

    const text = paragraph(writer.doc, 0);
    text.insert(0, "Alle ");
    text.insert(plain(text).indexOf("helsefag"), "kvalifiserte ");
    await until(stored, "edits stored");
    expect(markedText(writer.doc)[threadId]).toBe("flere kvalifiserte helsefagarbeidere");
    // The server's copy agrees (read back from the database after the room stores it).
    const threads = (await (await c.member.fetch(threadsPath(id))).json()) as { threads: ThreadView[] };
    expect(threads.threads[0]).toMatchObject({ detached: false, quote: "flere helsefagarbeidere" });

    const start = plain(text).indexOf("flere");
    text.delete(start, "flere kvalifiserte helsefagarbeidere".length);
    await until(stored, "deletion stored");
    await until(async () => (await db.commentThread.findUniqueOrThrow({ where: { id: threadId } })).detachedAt !== null, "thread detached", 5000);
    const after = (await (await c.member.fetch(threadsPath(id))).json()) as { threads: ThreadView[] };
    expect(after.threads[0]).toMatchObject({ detached: true, quote: "flere helsefagarbeidere" });
    expect(after.threads[0]!.comments[0]!.body).toBe("Kilde?");
  });

  it("refuses other forums, the signed-out and bad input, and writes nothing", async () => {
    const { id, reader } = await documentWith(["Tekst som kommenteres."]);
    const { body } = await post(c.member, threadsPath(id), { ...selection(reader.doc, 0, "Tekst"), body: "Første" });
    const threadId = body.thread.id;
    const commentId = body.thread.comments[0]!.id;
    const before = { ...(await tableCounts(db)), threads: await db.commentThread.count(), comments: await db.comment.count(), updates: await db.documentUpdate.count({ where: { documentId: id } }) };

    const sel = selection(reader.doc, 0, "kommenteres");
    for (const [who, status] of [[c.outsider, 404], [c.anonymous, 401]] as const) {
      expect((await who.fetch(threadsPath(id))).status).toBe(status);
      expect((await post(who, threadsPath(id), { ...sel, body: "Hei" })).status).toBe(status);
      expect((await post(who, repliesPath(threadId), { body: "Hei" })).status).toBe(status);
      expect((await post(who, threadPath(threadId), { resolved: true }, "PATCH")).status).toBe(status);
      expect((await post(who, commentPath(commentId), { body: "Hei" }, "PATCH")).status).toBe(status);
    }
    for (const bad of [
      {},
      { ...sel },
      { ...sel, body: "" },
      { ...sel, body: "x".repeat(4001) },
      { ...sel, body: "skjult\u202Etekst" },
      { from: "ikke base64!", to: sel.to, body: "Hei" },
      { ...sel, body: "Hei", extra: 1 },
    ]) {
      const res = await post(c.member, threadsPath(id), bad);
      expect(res.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    // The same point twice is an empty selection.
    expect((await post(c.member, threadsPath(id), { from: sel.from, to: sel.from, body: "Hei" })).status).toBe(400);
    const after = { ...(await tableCounts(db)), threads: await db.commentThread.count(), comments: await db.comment.count(), updates: await db.documentUpdate.count({ where: { documentId: id } }) };
    expect(after).toEqual(before);
  });
});

describe("comment threads on an action", () => {
  it("everyone in the forum asks about an action; its owner is told", async () => {
    const item = await db.actionItem.findFirstOrThrow({ where: { group: { name: "Kompetansegruppe livslang læring" }, ownerId: { not: null } } });
    const path = `/api/forums/ostfold/actions/${item.id}/threads`;
    const res = await post(c.steering, path, { body: "Når er dette ferdig?" });
    expect(res.status).toBe(201);
    expect(res.body.thread).toMatchObject({ actionItemId: item.id, documentId: null, quote: "" });
    expect(await db.notification.findFirst({ where: { threadId: res.body.thread.id, userId: item.ownerId!, type: "COMMENT_THREAD" } })).not.toBeNull();
    const list = (await (await c.otherGroup.fetch(path)).json()) as { threads: ThreadView[] };
    expect(list.threads.map((t) => t.id)).toContain(res.body.thread.id);
    expect((await c.outsider.fetch(path)).status).toBe(404);
  });
});
