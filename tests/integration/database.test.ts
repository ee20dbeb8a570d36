import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginBlockedFor, recordSignIn } from "../../lib/auth/rate-limit.ts";
import { appendAudit, verifyAuditChain } from "../../lib/db/audit.ts";
import { createDb, type Db } from "../../lib/db/client.ts";
import { migrateDatabase, pendingMigrations } from "../../lib/db/prepare.ts";
import { seedDemo } from "../../lib/db/seed-demo.ts";

// A SQLite file of its own, migrated with the committed migrations exactly as the server does it.
const file = path.resolve(`tests/.tmp/database-${process.pid}.db`);
const url = `file:${file}`;
let db: Db;

beforeAll(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  migrateDatabase(url);
  db = createDb(url);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("migrations", () => {
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
      await recordSignIn(db, limits, email, `192.0.2.${i}`, false, at(i));
    }
    expect(await loginBlockedFor(db, limits, email, "192.0.2.99", at(10))).toBe(5 * 60);
    expect(await loginBlockedFor(db, limits, email, "192.0.2.99", at(14.5))).toBe(30);
    expect(await loginBlockedFor(db, limits, email, "192.0.2.99", at(15))).toBeNull();
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const email = "forgiven@samrad.example";
    for (let i = 0; i < 9; i++) await recordSignIn(db, limits, email, "192.0.2.50", false, at(i));
    await recordSignIn(db, limits, email, "192.0.2.50", true, at(9));
    await recordSignIn(db, limits, email, "192.0.2.50", false, at(10));
    expect(await loginBlockedFor(db, limits, email, "192.0.2.51", at(10))).toBeNull();
  });
});

describe("audit chain", () => {
  it("links every event to the one before and detects tampering", async () => {
    for (let i = 0; i < 3; i++) {
      await db.$transaction((tx) => appendAudit(tx, { forumId: null, actorId: null, action: "test.event", entityType: "Test", entityId: String(i), after: { i } }));
    }
    expect(await verifyAuditChain(db)).toBeNull();
    const middle = await db.auditEvent.findFirstOrThrow({ where: { entityId: "1", action: "test.event" } });
    await db.auditEvent.update({ where: { id: middle.id }, data: { after: JSON.stringify({ i: 42 }) } });
    expect(await verifyAuditChain(db)).toBe(middle.id);
  });
});
