import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { dropTestDatabase, freshTestDatabase, TEST_DIALECT, testDatabase } from "../../tests/support/test-database.ts";
import { jsonToYUpdate } from "../editor/render.ts";
import type { RoomStore } from "../realtime/room-store.ts";
import { createDb, type Db } from "./client.ts";
import { migrateDatabase } from "./prepare.ts";
import { openRoomStore } from "./room-store.ts";
import { DOCUMENT_LOG_LOCK, openPostgresRoomStore } from "./room-store-pg.ts";

// The RoomStore contract, on both stores: SQLite (its own better-sqlite3 connection and writer
// thread) and PostgreSQL (its own pool with named prepared statements). Prisma must read the rows
// either store writes exactly as if it had written them (DateTime, booleans).

// A database of its own on the PostgreSQL server; without a server (a developer's machine) the
// PostgreSQL half is skipped, unless the run is on PostgreSQL (TEST_DATABASE=postgres, CI).
const pgHandle = testDatabase("room-store", { dialect: "postgres" });
const pgReady = await freshTestDatabase(pgHandle).then(
  () => true,
  (error: unknown) => {
    if (TEST_DIALECT === "postgres") throw error;
    console.warn("PostgreSQL is not reachable: the PostgreSQL room store is not tested", error);
    return false;
  },
);

const backends = [
  { label: "SQLite", dialect: "sqlite" as const },
  ...(pgReady ? [{ label: "PostgreSQL", dialect: "postgres" as const }] : []),
];

const textOf = (snapshot: Uint8Array | null, rows: { data: Uint8Array }[]) => {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const r of rows) Y.applyUpdate(doc, r.data);
  return doc.getText("t").toString();
};

describe.each(backends)("$label room store", ({ dialect }) => {
  let dir: string;
  let db: Db;
  let store: RoomStore;
  let url: string;
  let ids: { userId: string; forumId: string; groupId: string; documentId: string };

  beforeAll(async () => {
    if (dialect === "postgres") {
      url = pgHandle.url;
    } else {
      dir = mkdtempSync(path.join(tmpdir(), "samrad-room-store-"));
      url = `file:${path.join(dir, "test.db")}`;
    }
    await migrateDatabase(url);
    db = createDb(url);
    const user = await db.user.create({ data: { email: "a@example.org", name: "A", passwordHash: "x" } });
    const forum = await db.forum.create({ data: { slug: "f", name: "F" } });
    await db.forumMember.create({ data: { forumId: forum.id, userId: user.id, role: "MEMBER" } });
    const group = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "G" } });
    await db.membership.create({ data: { groupId: group.id, userId: user.id } });
    const doc = await db.document.create({ data: { forumId: forum.id, groupId: group.id, kind: "NOTE", title: "T", createdById: user.id } });
    ids = { userId: user.id, forumId: forum.id, groupId: group.id, documentId: doc.id };
    store = openRoomStore(url, db);
  }, 60_000);

  afterAll(async () => {
    store?.close();
    await db?.$disconnect();
    if (dialect === "postgres") await dropTestDatabase(pgHandle);
    else rmSync(dir, { recursive: true, force: true });
  });

  it("reads the session user, standing and room facts", async () => {
    expect(await store.sessionUser(ids.userId)).toMatchObject({ id: ids.userId, mustChangePassword: false, sessionVersion: 0 });
    expect(await store.standing(ids.userId, ids.forumId)).toEqual({ userId: ids.userId, role: "MEMBER", groupIds: [ids.groupId] });
    expect(await store.standing("nobody", ids.forumId)).toBeNull();
    expect(await store.documentFacts(ids.documentId)).toEqual({ forumId: ids.forumId, groupId: ids.groupId, archived: false });
    expect(await store.boardFacts(ids.groupId)).toEqual({ forumId: ids.forumId });
  });

  it("appends log rows and compacts them in one transaction; Prisma reads both back unchanged", async () => {
    const before = Date.now();
    const writer = new Y.Doc();
    const edit = (text: string) => {
      const sv = Y.encodeStateVector(writer);
      writer.getText("t").insert(writer.getText("t").length, text);
      return Y.encodeStateAsUpdate(writer, sv);
    };
    const first = await store.appendUpdate(ids.documentId, edit("Hei"));
    const second = await store.appendUpdate(ids.documentId, edit(" på"));
    const third = await store.appendUpdate(ids.documentId, edit(" deg"));
    const rows = await db.documentUpdate.findMany({ where: { documentId: ids.documentId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.id)).toEqual([first, second, third]);
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);

    // The store folds what is stored up to the second row; the third stays in the log.
    const { bytes } = await store.compactDocument(ids.documentId, second);
    const doc = await db.document.findUniqueOrThrow({ where: { id: ids.documentId } });
    expect(doc.state!.length).toBe(bytes);
    expect(textOf(doc.state, [])).toBe("Hei på");
    expect(doc.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    const loaded = await store.loadDocument(ids.documentId);
    expect(loaded.title).toBe("T");
    expect(loaded.updates.map((u) => u.id)).toEqual([third]);
    expect(textOf(loaded.snapshot, loaded.updates)).toBe("Hei på deg");
    // The next compaction starts from the folded state and takes the rest.
    await store.compactDocument(ids.documentId, third);
    const again = await store.loadDocument(ids.documentId);
    expect(again.updates).toEqual([]);
    expect(textOf(again.snapshot, [])).toBe("Hei på deg");
  });

  it("writes the excerpt of the folded text with the snapshot", async () => {
    const other = await db.document.create({ data: { forumId: ids.forumId, groupId: ids.groupId, kind: "NOTE", title: "E", createdById: ids.userId } });
    const update = jsonToYUpdate({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Første avsnitt." }] }] });
    const row = await store.appendUpdate(other.id, update);
    await store.compactDocument(other.id, row);
    expect((await db.document.findUniqueOrThrow({ where: { id: other.id } })).excerpt).toBe("Første avsnitt.");
  });

  it("loses no edit that is appended while a compaction runs", async () => {
    const other = await db.document.create({ data: { forumId: ids.forumId, groupId: ids.groupId, kind: "NOTE", title: "C", createdById: ids.userId } });
    const writer = new Y.Doc();
    const list = writer.getArray<number>("n");
    const edit = (n: number) => {
      const sv = Y.encodeStateVector(writer);
      list.push([n]);
      return Y.encodeStateAsUpdate(writer, sv);
    };
    const firstRows = await Promise.all(Array.from({ length: 300 }, (_, i) => store.appendUpdate(other.id, edit(i))));
    // Appends and compactions interleaved, all in flight at once.
    const during: Promise<unknown>[] = [];
    for (let i = 300; i < 900; i++) {
      during.push(store.appendUpdate(other.id, edit(i)));
      if (i % 150 === 0) during.push(store.compactDocument(other.id, Math.max(...firstRows)));
    }
    await Promise.all(during);
    const stored = await store.loadDocument(other.id);
    const back = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(back, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(back, u.data);
    expect(back.getArray<number>("n").toArray()).toEqual(Array.from({ length: 900 }, (_, i) => i));
    expect(stored.updates.every((u) => u.id > Math.max(...firstRows))).toBe(true);
  });

  it("keeps every acknowledged append through a SIGKILL of the writing process", async () => {
    const other = await db.document.create({ data: { forumId: ids.forumId, groupId: ids.groupId, kind: "NOTE", title: "K", createdById: ids.userId } });
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/room-store-appender.ts", url, other.id], { stdio: ["ignore", "pipe", "inherit"] });
    const acked: { id: number; n: number }[] = [];
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        const [tag, id, n] = line.split(" ");
        if (tag !== "ACK") return;
        acked.push({ id: Number(id), n: Number(n) });
        // Killed while appends (and a compaction every 100 rows) are in flight.
        if (acked.length === 400) child.kill("SIGKILL");
      });
      child.once("exit", (_code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`appender exited on its own (${_code})`))));
    });
    const stored = await store.loadDocument(other.id);
    const back = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(back, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(back, u.data);
    const kept = new Set(back.getArray<number>("n").toArray());
    expect(acked.length).toBeGreaterThanOrEqual(400);
    expect(acked.filter((a) => !kept.has(a.n))).toEqual([]);
  }, 60_000);

  it("reads anchored items and sets their anchorMissing flag as Prisma booleans", async () => {
    const item = await db.actionItem.create({
      data: { forumId: ids.forumId, groupId: ids.groupId, title: "x", createdById: ids.userId, anchorDocumentId: ids.documentId, anchorBlockId: "b1" },
    });
    expect(await store.anchoredItems(ids.documentId)).toEqual([{ id: item.id, groupId: ids.groupId, anchorBlockId: "b1", anchorMissing: false, anchorText: null }]);
    await store.setAnchorMissing([item.id], true);
    const row = await db.actionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.anchorMissing).toBe(true);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(item.updatedAt.getTime());
    await store.setAnchorMissing([item.id], false);
    expect((await store.anchoredItems(ids.documentId))[0]!.anchorMissing).toBe(false);
    expect((await store.loadBoard(ids.groupId)).map((i) => i.anchor?.missing)).toEqual([false]);
  });

  // SQLite only: one writer at a time. On PostgreSQL an append never waits for Prisma's row locks.
  it.runIf(dialect === "sqlite")("waits for a Prisma write transaction without blocking the event loop, then writes", async () => {
    // Prisma holds the write lock across awaits; the store's append must not spin synchronously
    // (that would keep Prisma from ever committing) but retry once Prisma is done.
    let committed = false;
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(Date.now()), 5);
    const held = db.$transaction(async (tx) => {
      await tx.document.update({ where: { id: ids.documentId }, data: { excerpt: "låst" } });
      await new Promise((r) => setTimeout(r, 300));
      committed = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    const rowId = await store.appendUpdate(ids.documentId, new Uint8Array([7]));
    clearInterval(ticker);
    await held;
    expect(committed).toBe(true);
    expect(await db.documentUpdate.findUnique({ where: { id: rowId } })).not.toBeNull();
    // The event loop kept turning while the append waited for the lock.
    expect(ticks.length).toBeGreaterThan(10);
  });

  it("adds editors' change tallies with the row, in one transaction; a tally taken by a notice starts again at one", async () => {
    const at1 = new Date("2026-11-30T08:00:00.000Z");
    const at2 = new Date("2026-11-30T08:20:00.000Z");
    await store.appendUpdate(ids.documentId, new Uint8Array([5]), [{ userId: ids.userId, changes: 1, lastEditAt: at1 }]);
    await store.appendUpdate(ids.documentId, new Uint8Array([6]), [{ userId: ids.userId, changes: 2, lastEditAt: at2 }]);
    const tally = await db.documentEditTally.findUniqueOrThrow({ where: { documentId_userId: { documentId: ids.documentId, userId: ids.userId } } });
    expect(tally.changes).toBe(3);
    expect(tally.lastEditAt).toEqual(at2);
    // An older edit time never moves lastEditAt back.
    await store.appendUpdate(ids.documentId, new Uint8Array([7]), [{ userId: ids.userId, changes: 0, lastEditAt: at1 }]);
    expect((await db.documentEditTally.findUniqueOrThrow({ where: { documentId_userId: { documentId: ids.documentId, userId: ids.userId } } })).lastEditAt).toEqual(at2);
    expect((await store.loadDocument(ids.documentId)).editors).toEqual([{ userId: ids.userId, lastEditAt: at2 }]);
    // The grouped notice took the tally; going on with the same stretch is one new change.
    await db.documentEditTally.deleteMany({ where: { documentId: ids.documentId } });
    await store.appendUpdate(ids.documentId, new Uint8Array([8]), [{ userId: ids.userId, changes: 0, lastEditAt: at2 }]);
    expect((await db.documentEditTally.findUniqueOrThrow({ where: { documentId_userId: { documentId: ids.documentId, userId: ids.userId } } })).changes).toBe(1);
  });

  // PostgreSQL only: row ids there are not in commit order, and two instances may hold one room.
  it.runIf(dialect === "postgres")("does not compact while another instance's append is uncommitted, and folds it once committed", async () => {
    const other = await db.document.create({ data: { forumId: ids.forumId, groupId: ids.groupId, kind: "NOTE", title: "L", createdById: ids.userId } });
    const writer = new Y.Doc();
    const edit = (text: string) => {
      const sv = Y.encodeStateVector(writer);
      writer.getText("t").insert(writer.getText("t").length, text);
      return Y.encodeStateAsUpdate(writer, sv);
    };
    // Another instance's append, as its store makes it: the shared lock, then the row, not yet committed.
    const elsewhere = new pg.Client({ connectionString: url });
    let later = 0;
    await elsewhere.connect();
    try {
      await elsewhere.query("BEGIN");
      await elsewhere.query("SELECT pg_advisory_xact_lock_shared($1::int4, hashtext($2::text))", [DOCUMENT_LOG_LOCK, other.id]);
      const { rows } = await elsewhere.query<{ id: number }>(
        `INSERT INTO "DocumentUpdate" ("documentId", "data", "createdAt") VALUES ($1, $2, now() AT TIME ZONE 'UTC') RETURNING "id"`,
        [other.id, Buffer.from(edit("Først"))],
      );
      const late = rows[0]!.id;
      // A later id, committed first: "saved" up to it, with the lower id still in flight.
      later = await store.appendUpdate(other.id, edit(" og sist"));
      expect(later).toBeGreaterThan(late);
      expect(await store.compactDocument(other.id, later)).toMatchObject({ skipped: true });
      expect((await store.loadDocument(other.id)).snapshot).toBeNull();
      await elsewhere.query("COMMIT");
    } finally {
      await elsewhere.end();
    }
    const { skipped } = await store.compactDocument(other.id, later);
    expect(skipped).toBeUndefined();
    const stored = await store.loadDocument(other.id);
    expect(stored.updates).toEqual([]);
    expect(textOf(stored.snapshot, [])).toBe("Først og sist");
  });

  it.runIf(dialect === "postgres")(
    "loses no acknowledged edit when two instances append to one document while both compact it",
    async () => {
      const other = await db.document.create({ data: { forumId: ids.forumId, groupId: ids.groupId, kind: "NOTE", title: "P", createdById: ids.userId } });
      // Two stores with pools of their own: two instances of the sync server on one database.
      const instances = [openPostgresRoomStore(url, db, { poolName: "rooms-a" }), openPostgresRoomStore(url, db, { poolName: "rooms-b" })];
      const acked: number[] = [];
      let maxAckedId = 0;
      let writing = 0;
      let compacted = 0;
      const editors = instances.map((instance, i) => {
        const doc = new Y.Doc();
        const list = doc.getArray<number>("n");
        let n = i * 100_000;
        return async () => {
          for (let k = 0; k < 150; k++) {
            const sv = Y.encodeStateVector(doc);
            const mine = n++;
            list.push([mine]);
            const id = await instance.appendUpdate(other.id, Y.encodeStateAsUpdate(doc, sv));
            acked.push(mine);
            maxAckedId = Math.max(maxAckedId, id);
          }
        };
      });
      // Each instance compacts up to the newest row anyone was told is saved, again and again,
      // while both append: appends of the other instance with lower ids are still in flight.
      const compactor = (instance: RoomStore) => async () => {
        while (writing > 0) {
          const result = await instance.compactDocument(other.id, maxAckedId);
          if (!result.skipped) compacted += 1;
          await new Promise((r) => setImmediate(r));
        }
      };
      const run = (work: () => Promise<void>) => {
        writing += 1;
        return work().finally(() => (writing -= 1));
      };
      await Promise.all([
        ...editors.flatMap((edit) => [run(edit), run(edit), run(edit), run(edit)]),
        compactor(instances[0]!)(),
        compactor(instances[1]!)(),
      ]);
      // One more compaction each, from a settled log.
      await instances[0]!.compactDocument(other.id, maxAckedId);
      await instances[1]!.compactDocument(other.id, maxAckedId);
      for (const instance of instances) instance.close();

      const stored = await store.loadDocument(other.id);
      const back = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(back, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(back, u.data);
      const kept = new Set(back.getArray<number>("n").toArray());
      expect(acked.length).toBe(2 * 4 * 150);
      expect(compacted).toBeGreaterThan(0);
      expect(acked.filter((n) => !kept.has(n))).toEqual([]);
      expect(kept.size).toBe(acked.length);
    },
    60_000,
  );
});
