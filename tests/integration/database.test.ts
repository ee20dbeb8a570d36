import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginBlockedFor, recordSignIn } from "../../lib/auth/rate-limit.ts";
import { appendAudit, GENESIS_HASH, macEvent, NO_FORUM_CHAIN, resealLegacyAudit, resealToDigests, verifyAuditChain } from "../../lib/db/audit.ts";
import { createDb, type Db } from "../../lib/db/client.ts";
import { migrateDatabase, pendingMigrations } from "../../lib/db/prepare.ts";
import { seedDemo } from "../../lib/db/seed-demo.ts";
import { dropTestDatabase, freshTestDatabase, TEST_DIALECT, testDatabase } from "../support/test-database.ts";

// A database of its own, migrated with the committed migrations exactly as the server does it.
const database = testDatabase("database");
const file = database.name;
const url = database.url;
let db: Db;

beforeAll(async () => {
  await freshTestDatabase(database);
  await migrateDatabase(url);
  db = createDb(url);
});
afterAll(async () => {
  await db.$disconnect();
  await dropTestDatabase(database);
});

// The SQLite file's own mechanics: which migrations a file still needs, and rows from SQLite-era schemas.
const sqliteOnly = describe.skipIf(TEST_DIALECT !== "sqlite");

sqliteOnly("migrations", () => {
  it("are all applied to a migrated file, and all pending for a new one", () => {
    expect(pendingMigrations(file)).toEqual([]);
    const fresh = pendingMigrations(path.resolve("tests/.tmp/never-created.db"));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh[0]).toMatch(/^\d{14}_init$/);
  });
});

describe("demo seed", () => {
  it("fills an empty database once and never again", async () => {
    expect(await seedDemo(db)).toBe(true);
    expect(await seedDemo(db)).toBe(false);
    const forum = await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" }, include: { groups: true, targetAreas: { orderBy: { sortOrder: "asc" } } } });
    expect(forum.groups.map((g) => g.kind).sort()).toEqual(["COMPETENCE", "COMPETENCE", "COMPETENCE", "PROJECT", "STEERING"]);
    expect(forum.targetAreas.map((a) => a.name)).toEqual(["Tilstrekkelig relevant kompetanse", "Livslang læring", "Inkludering og integrering"]);
    expect(await db.user.count()).toBe(11);
    expect(await db.actionItem.count()).toBeGreaterThan(0);
    expect(await db.document.count()).toBeGreaterThan(0);
  });
});

describe("sign-in limits over time", () => {
  const limits = { maxPerAccountAndIp: 10, maxPerAccount: 10, maxPerIp: 50, windowMs: 15 * 60_000 };
  const t0 = new Date("2026-01-05T09:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  it("blocks after the 10th failure and lifts exactly when the oldest one leaves the window", async () => {
    const email = "window@samrad.example";
    for (let i = 0; i < 10; i++) {
      expect(await loginBlockedFor(db, limits, email, `192.0.2.${i}`, at(i))).toBeNull();
      await recordSignIn(db, email, `192.0.2.${i}`, false, at(i));
    }
    expect(await loginBlockedFor(db, limits, email, "192.0.2.99", at(10))).toBe(5 * 60);
    expect(await loginBlockedFor(db, limits, email, "192.0.2.99", at(14.5))).toBe(30);
    expect(await loginBlockedFor(db, limits, email, "192.0.2.99", at(15))).toBeNull();
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const email = "forgiven@samrad.example";
    for (let i = 0; i < 9; i++) await recordSignIn(db, email, "192.0.2.50", false, at(i));
    await recordSignIn(db, email, "192.0.2.50", true, at(9));
    await recordSignIn(db, email, "192.0.2.50", false, at(10));
    expect(await loginBlockedFor(db, limits, email, "192.0.2.51", at(10))).toBeNull();
  });
});

describe("audit chain", () => {
  it("links every event to the one before, numbered per chain, and detects tampering", async () => {
    for (let i = 0; i < 3; i++) {
      await db.$transaction((tx) => appendAudit(tx, { forumId: null, actorId: null, action: "test.event", entityType: "Test", entityId: String(i), after: { i } }));
    }
    expect(await verifyAuditChain(db, NO_FORUM_CHAIN)).toBeNull();
    const rows = await db.auditEvent.findMany({ where: { chain: NO_FORUM_CHAIN, action: "test.event" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq - rows[0]!.seq)).toEqual([0, 1, 2]);
    const middle = rows[1]!;
    await db.auditEvent.update({ where: { id: middle.id }, data: { after: JSON.stringify({ i: 42 }) } });
    expect(await verifyAuditChain(db, NO_FORUM_CHAIN)).toMatchObject({ id: middle.id, seq: middle.seq, reason: "mac" });
  });
});

describe("audit entries from before digests (scheme 1: the MAC over the content itself)", () => {
  /** Writes `n` scheme-1 entries into `chain`, as the server did before erasure existed. */
  async function scheme1Chain(chain: string, n: number) {
    await db.forum.create({ data: { id: chain, slug: chain, name: chain } });
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const fields = {
        chain, seq, prevHash: prev, forumId: chain, actorId: null, action: "account.update", entityType: "User", entityId: `u-${chain}`,
        before: JSON.stringify({ name: `Navn ${seq}` }), after: JSON.stringify({ name: `Navn ${seq + 1}` }), ip: "192.0.2.7", createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)),
      };
      prev = macEvent(process.env.AUDIT_SECRET!, fields);
      await db.auditEvent.create({ data: { ...fields, hash: prev } });
    }
  }

  it("are left alone while any chain holding them does not verify, then resealed once under digests", async () => {
    await scheme1Chain("scheme1-ok", 3);
    await scheme1Chain("scheme1-bad", 2);
    // An entry appended after them (scheme 2) links to the last scheme-1 hash; resealing relinks it.
    await db.$transaction((tx) => appendAudit(tx, { forumId: "scheme1-ok", actorId: null, action: "test.event", entityType: "Test", entityId: "x", after: { i: 1 } }));
    await db.auditEvent.updateMany({ where: { chain: "scheme1-bad", seq: 2 }, data: { after: JSON.stringify({ name: "Forfalsket" }) } });
    expect(await verifyAuditChain(db, "scheme1-ok")).toBeNull();
    const before = await db.auditEvent.findMany({ where: { chain: "scheme1-ok" }, orderBy: { seq: "asc" } });
    expect(await resealToDigests(db)).toBe("broken");
    expect(await db.auditEvent.findMany({ where: { chain: "scheme1-ok" }, orderBy: { seq: "asc" } })).toEqual(before);

    await db.auditEvent.deleteMany({ where: { chain: "scheme1-bad" } });
    expect(await resealToDigests(db)).toBe("resealed");
    expect(await resealToDigests(db)).toBe("none");
    const after = await db.auditEvent.findMany({ where: { chain: "scheme1-ok" }, orderBy: { seq: "asc" } });
    expect(after.map((r) => r.scheme)).toEqual([2, 2, 2, 2]);
    expect(after[3]!.prevHash).toBe(after[2]!.hash);
    expect(after.slice(0, 3).every((r) => r.beforeDigest && r.afterDigest && r.ipDigest)).toBe(true);
    expect(after.map((r) => [r.before, r.after, r.ip])).toEqual(before.map((r) => [r.before, r.after, r.ip]));
    expect(await verifyAuditChain(db, "scheme1-ok")).toBeNull();
    // Now erasure may empty content (with the mark) and the chain still verifies; altering it does not.
    await db.auditEvent.update({ where: { id: after[1]!.id }, data: { before: null, ip: null, redactedAt: new Date() } });
    expect(await verifyAuditChain(db, "scheme1-ok")).toBeNull();
    await db.auditEvent.update({ where: { id: after[1]!.id }, data: { after: JSON.stringify({ name: "Annet" }) } });
    expect(await verifyAuditChain(db, "scheme1-ok")).toMatchObject({ seq: 2, reason: "redacted" });
  });
});

sqliteOnly("audit rows from before keyed chains", () => {
  /** A database at the migration before keyed chains, holding a global chain of plain SHA-256 entries. */
  function legacyDatabase(name: string, tamper: boolean) {
    const legacyFile = path.resolve(`tests/.tmp/${name}-${process.pid}.db`);
    for (const s of ["", "-wal", "-shm"]) rmSync(legacyFile + s, { force: true });
    const sqlite = new Database(legacyFile);
    for (const m of readdirSync("prisma/migrations").filter((n) => /^\d{14}_/.test(n) && n < "20261130040000").sort()) {
      sqlite.exec(readFileSync(`prisma/migrations/${m}/migration.sql`, "utf8"));
    }
    sqlite.prepare(`INSERT INTO Forum (id, slug, name, updatedAt) VALUES ('forum-a', 'a', 'A', '2026-01-01T00:00:00.000Z')`).run();
    let prev = "0".repeat(64);
    const forums = ["forum-a", null, "forum-a"];
    forums.forEach((forumId, i) => {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, i));
      const after = JSON.stringify({ i });
      const hash = createHash("sha256").update(JSON.stringify([prev, forumId, null, "test.event", "Test", String(i), null, after, null, createdAt.toISOString()])).digest("hex");
      const storedAfter = tamper && i === 1 ? JSON.stringify({ i: 99 }) : after;
      sqlite.prepare(`INSERT INTO AuditEvent (forumId, action, entityType, entityId, after, prevHash, hash, createdAt) VALUES (?, 'test.event', 'Test', ?, ?, ?, ?, ?)`)
        .run(forumId, String(i), storedAfter, prev, hash, createdAt.toISOString().replace("Z", "+00:00"));
      prev = hash;
    });
    sqlite.close();
    // The server's own path from here: the committed migrations (recorded as applied up to the old one), then the reseal.
    const migrated = new Database(legacyFile);
    migrated.exec(readFileSync("prisma/migrations/20261130040000_audit_chain/migration.sql", "utf8"));
    // The audit table's later columns (scheme 2: digests, erasure), which the client reads.
    migrated.exec(readFileSync("prisma/migrations/20261203090000_erasure/migration.sql", "utf8"));
    migrated.close();
    return createDb(`file:${legacyFile}`);
  }

  it("are numbered per forum by the migration and resealed once when the old chain verifies", async () => {
    const legacy = legacyDatabase("legacy-ok", false);
    try {
      const rows = await legacy.auditEvent.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.chain, r.seq, r.legacy])).toEqual([["forum-a", 1, true], [NO_FORUM_CHAIN, 1, true], ["forum-a", 2, true]]);
      expect(await resealLegacyAudit(legacy)).toBe("resealed");
      expect(await resealLegacyAudit(legacy)).toBe("none");
      expect(await verifyAuditChain(legacy, "forum-a")).toBeNull();
      expect(await verifyAuditChain(legacy, NO_FORUM_CHAIN)).toBeNull();
      // Then, as at every start, under digests.
      expect(await resealToDigests(legacy)).toBe("resealed");
      expect(await verifyAuditChain(legacy, "forum-a")).toBeNull();
      expect(await verifyAuditChain(legacy, NO_FORUM_CHAIN)).toBeNull();
    } finally {
      await legacy.$disconnect();
    }
  });

  it("are left marked, and reported, when the old chain no longer verifies", async () => {
    const legacy = legacyDatabase("legacy-broken", true);
    try {
      expect(await resealLegacyAudit(legacy)).toBe("broken");
      expect(await verifyAuditChain(legacy, "forum-a")).toMatchObject({ seq: 1, reason: "legacy" });
    } finally {
      await legacy.$disconnect();
    }
  });
});
