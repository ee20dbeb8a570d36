import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DOCUMENT_FIELD } from "../../lib/editor/extensions.ts";
import { jsonToYUpdate, ydocToText } from "../../lib/editor/render.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, buildOtherForum, FACTORY_PASSWORD, storedDocState, tableCounts, testDb } from "../support/factories.ts";
import { cast, TestClient } from "../support/http-client.ts";
import { covers, trackSaved, until, yClient, type YClient } from "../support/yjs-client.ts";

// The automatic-version job is called directly below, on the server's own database file.
process.env.DATABASE_URL = inject("dbUrl");

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let c: Record<"member" | "leader" | "otherGroup" | "steering" | "outsider" | "anonymous", TestClient>;
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe livslang læring" } })).id;
  const other = await buildOtherForum(db);
  c = await cast(baseUrl, ["member", "leader", "otherGroup", "steering"], DEMO_PASSWORD, { email: other.admin.email, password: FACTORY_PASSWORD });
});
afterAll(async () => {
  for (const y of open) y.destroy();
  await db.$disconnect();
});

const paths = (documentId: string) => ({
  list: `/api/forums/ostfold/documents/${documentId}/versions`,
  one: (id: string) => `/api/forums/ostfold/documents/${documentId}/versions/${id}`,
  restore: (id: string) => `/api/forums/ostfold/documents/${documentId}/versions/${id}/restore`,
  diff: (from: string, to: string) => `/api/forums/ostfold/documents/${documentId}/versions/diff?from=${from}&to=${to}`,
});

/** Replaces a stock client's text with these paragraphs, each with its block id (what the editor does, in Yjs terms). */
function setParagraphs(doc: Y.Doc, texts: string[]) {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    fragment.delete(0, fragment.length);
    fragment.insert(0, texts.map((text) => {
      const p = new Y.XmlElement("paragraph");
      p.setAttribute("id", randomUUID());
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }));
  });
}

/** The text of the document as stored (snapshot + log), read from the database. */
async function storedText(documentId: string): Promise<string> {
  const doc = new Y.Doc();
  for (const u of await storedDocState(db, documentId)) Y.applyUpdate(doc, u);
  return ydocToText(doc);
}

/** A member's stock client on a new document, with `texts` written and stored. */
async function documentWith(texts: string[]) {
  const { id } = await buildDocument(db, groupId);
  const client = yClient(baseUrl, `document.${id}`, { cookie: c.member.cookieHeader() });
  open.push(client);
  const saved = trackSaved(client);
  await until(() => client.provider.synced, "client synced");
  setParagraphs(client.doc, texts);
  await until(() => covers(saved.latest(), Y.decodeStateVector(Y.encodeStateVector(client.doc))), "text stored");
  return { id, client, saved };
}

async function createVersion(who: TestClient, documentId: string, name: string) {
  const res = await who.json(paths(documentId).list, "POST", { name });
  return { status: res.status, body: (await res.json()) as { version: { id: string; number: number; kind: string; sha256: string; createdBy: { name: string } | null } } };
}

const versionRows = (documentId: string) => db.documentVersion.findMany({ where: { documentId }, orderBy: { number: "asc" } });
const written = async (documentId: string) => ({
  ...(await tableCounts(db)),
  versions: await db.documentVersion.count({ where: { documentId } }),
  updates: await db.documentUpdate.count({ where: { documentId } }),
});

describe("named versions", () => {
  it("freeze the stored text: the row's SHA-256 is the hash of its stored state bytes, with HTML, text and an audit event", async () => {
    const { id, client } = await documentWith(["Første utkast av anbefalingen."]);
    const audit = await db.auditEvent.count({ where: { action: "document.version" } });
    const { status, body } = await createVersion(c.member, id, "Til gruppemøtet");
    expect(status).toBe(201);
    expect(body.version).toMatchObject({ number: 1, kind: "MANUAL", createdBy: { name: "Jonas Dahl" } });
    const [row] = await versionRows(id);
    expect(row!.sha256).toBe(createHash("sha256").update(row!.state).digest("hex"));
    expect(body.version.sha256).toBe(row!.sha256);
    expect(row!.text).toBe("Første utkast av anbefalingen.");
    expect(row!.html).toContain("<p");
    expect(row!.html).toContain("Første utkast av anbefalingen.");
    // The frozen state is the stored text: the same edits the database holds for the document.
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, row!.state);
    expect(ydocToText(frozen)).toBe(await storedText(id));
    expect(ydocToText(frozen)).toBe(ydocToText(client.doc));
    expect(await db.auditEvent.count({ where: { action: "document.version" } })).toBe(audit + 1);

    const list = await c.member.fetch(paths(id).list);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { versions: { number: number; name: string; shortHash: string }[] }).versions).toEqual([
      expect.objectContaining({ number: 1, name: "Til gruppemøtet", shortHash: row!.sha256.slice(0, 12) }),
    ]);
    const one = await c.member.fetch(paths(id).one(row!.id));
    expect(((await one.json()) as { version: { html: string } }).version.html).toBe(row!.html);
  });

  it("refuse a missing, empty or too long name (400); nothing written", async () => {
    const { id } = await documentWith(["Tekst."]);
    for (const bad of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(121) }, { name: "Ok", extra: 1 }, "{"]) {
      const before = await written(id);
      const res = await c.member.json(paths(id).list, "POST", bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(await written(id)).toEqual(before);
    }
    expect((await createVersion(c.member, id, "x".repeat(120))).status).toBe(201);
  });

  it("are immutable: no method but GET on a version's path, and no PATCH/PUT/DELETE on the list (405); nothing written", async () => {
    const { id } = await documentWith(["Låst tekst."]);
    const { body } = await createVersion(c.member, id, "Låst");
    const before = await written(id);
    const rows = JSON.stringify(await versionRows(id));
    const p = paths(id);
    for (const [path, method] of [
      [p.one(body.version.id), "PATCH"], [p.one(body.version.id), "PUT"], [p.one(body.version.id), "DELETE"], [p.one(body.version.id), "POST"],
      [p.list, "PATCH"], [p.list, "PUT"], [p.list, "DELETE"],
      [p.restore(body.version.id), "PATCH"], [p.restore(body.version.id), "PUT"], [p.restore(body.version.id), "DELETE"],
    ] as const) {
      const res = await c.member.json(path, method, { name: "Endret", html: "<p>forfalsket</p>", sha256: "0".repeat(64) });
      expect(res.status, `${method} ${path}`).toBe(405);
    }
    expect(await written(id)).toEqual(before);
    expect(JSON.stringify(await versionRows(id))).toBe(rows);
  });

  it("are read and compared by everyone in the forum, saved and restored only by those who work in the group", async () => {
    const { id, client } = await documentWith(["Alle kan lese."]);
    const v1 = (await createVersion(c.leader, id, "Prosjektlederens versjon")).body.version;
    expect(v1.number).toBe(1);
    setParagraphs(client.doc, ["Alle kan lese, og dette er nytt."]);
    await until(async () => (await storedText(id)).includes("nytt"), "edit stored");
    const v2 = (await createVersion(c.member, id, "Med tillegg")).body.version;
    const p = paths(id);

    for (const who of ["steering", "otherGroup", "member", "leader"] as const) {
      expect((await c[who].fetch(p.list)).status, who).toBe(200);
      expect((await c[who].fetch(p.one(v1.id))).status, who).toBe(200);
      expect((await c[who].fetch(p.diff(v1.id, v2.id))).status, who).toBe(200);
    }
    for (const [who, status] of [["steering", 403], ["otherGroup", 403], ["outsider", 404], ["anonymous", 401]] as const) {
      expect((await c[who].fetch(p.list)).status, who).toBe(who === "outsider" || who === "anonymous" ? status : 200);
      const before = await written(id);
      expect((await c[who].json(p.list, "POST", { name: "Kapret" })).status, who).toBe(status);
      expect((await c[who].json(p.restore(v1.id), "POST", {})).status, who).toBe(status);
      expect(await written(id), who).toEqual(before);
    }
    for (const who of ["outsider", "anonymous"] as const) {
      expect((await c[who].fetch(p.one(v1.id))).status, who).toBe(who === "outsider" ? 404 : 401);
      expect((await c[who].fetch(p.diff(v1.id, v2.id))).status, who).toBe(who === "outsider" ? 404 : 401);
    }
  });

  it("compare two versions with insertions and deletions marked in the text; bad ids 400, another document's versions 404", async () => {
    const { id, client } = await documentWith(["Fylket skal tilby læreplasser.", "Dette avsnittet går ut."]);
    const v1 = (await createVersion(c.member, id, "Før")).body.version;
    setParagraphs(client.doc, ["Fylket skal tilby flere læreplasser."]);
    await until(async () => !(await storedText(id)).includes("går ut"), "edit stored");
    const v2 = (await createVersion(c.member, id, "Etter")).body.version;
    const p = paths(id);

    const res = await c.steering.fetch(p.diff(v1.id, v2.id));
    expect(res.status).toBe(200);
    const { diff } = (await res.json()) as { diff: { html: string; insertions: number; deletions: number; from: { number: number }; to: { number: number } } };
    expect(diff.from.number).toBe(1);
    expect(diff.to.number).toBe(2);
    expect(diff.html).toMatch(/tilby <ins class="diff-ins"[^>]*>flere <\/ins>læreplasser\./);
    expect(diff.html).toMatch(/<del class="diff-del"[^>]*>Dette avsnittet går ut\.<\/del>/);
    expect(diff.insertions).toBeGreaterThan(0);
    expect(diff.deletions).toBeGreaterThan(0);

    for (const query of ["?from=x&to=y", `?from=${v1.id}`, `?to=${v2.id}`, "", `?from=${v1.id}&to=${v2.id}&extra=1`, `?from=${v1.id}&to=../../x`]) {
      expect((await c.member.fetch(`${p.list}/diff${query}`)).status, query).toBe(400);
    }
    const other = await documentWith(["Et annet dokument."]);
    const foreign = (await createVersion(c.member, other.id, "Annet")).body.version;
    expect((await c.member.fetch(p.diff(v1.id, foreign.id))).status).toBe(404);
    expect((await c.member.fetch(p.one(foreign.id))).status).toBe(404);
    expect((await c.member.json(p.restore(foreign.id), "POST", {})).status).toBe(404);
    expect((await c.member.fetch(p.diff("c".repeat(25), v2.id))).status).toBe(404);
  });
});

describe("restoring a version", () => {
  it("is a new edit: an open stock client sees the version's text live, the stored text equals it, and history is kept", async () => {
    const { id, client, saved } = await documentWith(["Opprinnelig formulering.", "Andre avsnitt."]);
    const v1 = (await createVersion(c.member, id, "Opprinnelig")).body.version;
    setParagraphs(client.doc, ["Helt omskrevet tekst som skal bort."]);
    await until(async () => (await storedText(id)).includes("omskrevet"), "edit stored");
    // A second reader, a steering member: read-only, and still sees the restore live.
    const reader = yClient(baseUrl, `document.${id}`, { cookie: c.steering.cookieHeader() });
    open.push(reader);
    await until(() => reader.provider.synced && ydocToText(reader.doc).includes("omskrevet"), "reader synced");
    const rowsBefore = await db.documentUpdate.count({ where: { documentId: id } });
    const audit = await db.auditEvent.count({ where: { action: "document.restore", entityId: id } });

    const res = await c.member.json(paths(id).restore(v1.id), "POST", {});
    expect(res.status).toBe(201);
    const restored = ((await res.json()) as { version: { number: number; kind: string } }).version;
    expect(restored).toMatchObject({ number: 2, kind: "RESTORE" });

    const wanted = "Opprinnelig formulering.\n\nAndre avsnitt.";
    await until(() => ydocToText(client.doc) === wanted, "the writer's client shows the restored text");
    await until(() => ydocToText(reader.doc) === wanted, "the reader's client shows the restored text");
    expect(await storedText(id)).toBe(wanted);
    // Stored once, by the command (the room does not write it again), and the clients hear it is saved.
    await new Promise((r) => setTimeout(r, 300));
    expect(await db.documentUpdate.count({ where: { documentId: id } })).toBe(rowsBefore + 1);
    await until(() => covers(saved.latest(), Y.decodeStateVector(Y.encodeStateVector(client.doc))), "restore counted as saved");

    const rows = await versionRows(id);
    expect(rows.map((r) => [r.number, r.kind])).toEqual([[1, "MANUAL"], [2, "RESTORE"]]);
    expect(rows[1]!.text).toBe(rows[0]!.text);
    expect(rows[1]!.sha256).toBe(createHash("sha256").update(rows[1]!.state).digest("hex"));
    // History is kept: the restored state still holds the rewrite as deleted edits, after the original ones.
    expect(rows[1]!.sha256).not.toBe(rows[0]!.sha256);
    expect(await db.auditEvent.count({ where: { action: "document.restore", entityId: id } })).toBe(audit + 1);

    // The writer goes on editing the restored text; everything converges and is stored.
    const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Ny start. ");
    await until(() => ydocToText(reader.doc).startsWith("Ny start. Opprinnelig"), "edit after restore reaches the reader");
    await until(async () => (await storedText(id)).startsWith("Ny start. Opprinnelig"), "edit after restore stored");
  });

  it("works on a document nobody has open, and is refused on an archived one (403)", async () => {
    const { id, client } = await documentWith(["Versjon en."]);
    const v1 = (await createVersion(c.member, id, "En")).body.version;
    setParagraphs(client.doc, ["Versjon to."]);
    await until(async () => (await storedText(id)) === "Versjon to.", "edit stored");
    client.destroy();
    expect((await c.member.json(paths(id).restore(v1.id), "POST", {})).status).toBe(201);
    expect(await storedText(id)).toBe("Versjon en.");

    const doc = await db.document.findUniqueOrThrow({ where: { id }, select: { version: true } });
    // Archiving is for the group's leads and the project leader.
    expect((await c.leader.json(`/api/forums/ostfold/documents/${id}`, "PATCH", { archived: true, version: doc.version })).status).toBe(200);
    const before = await written(id);
    expect((await c.member.json(paths(id).restore(v1.id), "POST", {})).status).toBe(403);
    expect(await written(id)).toEqual(before);
    // Freezing an archived document's text is still allowed (it changes nothing).
    expect((await createVersion(c.member, id, "Arkivert")).status).toBe(201);
  });
});

describe("automatic versions", () => {
  const minutes = (n: number) => n * 60_000;

  it("freeze a document once its text has been quiet for VERSION_QUIET_MS, once, and again only after a new edit — also across a compaction", async () => {
    const { runAutoVersions } = await import("../../lib/services/auto-versions.ts");
    const { id } = await buildDocument(db, groupId);
    const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    await db.documentUpdate.create({ data: { documentId: id, data: Buffer.from(jsonToYUpdate(paragraph("Stille tekst."))) } });
    const autos = () => db.documentVersion.findMany({ where: { documentId: id, kind: "AUTO" }, orderBy: { number: "asc" } });
    const quietMs = minutes(10);

    // Edited just now: not quiet yet.
    await runAutoVersions({ quietMs });
    expect(await autos()).toHaveLength(0);

    // Ten minutes later: one automatic version of the stored text, by no one in the audit log.
    const later = new Date(Date.now() + minutes(11));
    await runAutoVersions({ now: later, quietMs });
    const [first] = await autos();
    expect(first).toBeDefined();
    expect(first!.text).toBe("Stille tekst.");
    expect(first!.sha256).toBe(createHash("sha256").update(first!.state).digest("hex"));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "document.version", entityId: first!.id } });
    expect(event.actorId).toBeNull();
    const listed = await c.member.fetch(paths(id).list);
    expect(((await listed.json()) as { versions: { kind: string; createdBy: unknown }[] }).versions[0]).toMatchObject({ kind: "AUTO", createdBy: null });

    // Nothing new: no second version.
    await runAutoVersions({ now: new Date(later.getTime() + minutes(5)), quietMs });
    expect(await autos()).toHaveLength(1);

    // The sync server compacts an idle room: rows folded into the snapshot (other bytes, same
    // edits) and updatedAt moved on. Still nothing new, so no version.
    const rows = await db.documentUpdate.findMany({ where: { documentId: id } });
    const merged = Y.mergeUpdates(rows.map((r) => new Uint8Array(r.data)));
    await db.$transaction([
      db.document.update({ where: { id }, data: { state: Buffer.from(merged), updatedAt: new Date(Date.now() + minutes(1)) } }),
      db.documentUpdate.deleteMany({ where: { documentId: id } }),
    ]);
    await runAutoVersions({ now: new Date(Date.now() + minutes(20)), quietMs });
    expect(await autos()).toHaveLength(1);

    // A new edit: once it has been quiet, a second automatic version.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, merged);
    const before = Y.encodeStateVector(doc);
    ((doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Endret. ");
    await db.documentUpdate.create({ data: { documentId: id, data: Buffer.from(Y.encodeStateAsUpdate(doc, before)) } });
    await runAutoVersions({ now: new Date(Date.now() + minutes(5)), quietMs });
    expect(await autos()).toHaveLength(1);
    await runAutoVersions({ now: new Date(Date.now() + minutes(11)), quietMs });
    const after = await autos();
    expect(after).toHaveLength(2);
    expect(after[1]!.text).toBe("Endret. Stille tekst.");
  });

  it("skip documents without any text", async () => {
    const { runAutoVersions } = await import("../../lib/services/auto-versions.ts");
    const { id } = await buildDocument(db, groupId);
    await runAutoVersions({ now: new Date(Date.now() + 3600_000), quietMs: 600_000 });
    expect(await db.documentVersion.count({ where: { documentId: id } })).toBe(0);
  });
});
