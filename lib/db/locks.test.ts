import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropTestDatabase, freshTestDatabase, TEST_DIALECT, testDatabase } from "../../tests/support/test-database.ts";
import { reserveSignInAttempt } from "../auth/rate-limit.ts";
import { appendAudit, verifyAuditChain } from "./audit.ts";
import { createDb, db, type Db } from "./client.ts";
import { releaseLease, takeLease, withLease } from "./leases.ts";
import { migrateDatabase } from "./prepare.ts";

// Invariants that writers running side by side must keep, on a real database of the run's kind
// (TEST_DATABASE). On PostgreSQL two clients stand for two instances: separate pools, real
// concurrency; on SQLite the single writer keeps them by itself, and the same tests must pass.
const database = testDatabase("locks");
// reserveSignInAttempt runs on the process-wide client: point it here before anything opens it.
process.env.DATABASE_URL = database.url;
let a: Db;
let b: Db;

beforeAll(async () => {
  await freshTestDatabase(database);
  await migrateDatabase(database.url);
  a = createDb(database.url);
  // Two clients in one process on one SQLite file would block each other's thread (better-sqlite3
  // waits synchronously); SQLite serves one process's writes through one client, as the server does.
  b = TEST_DIALECT === "postgres" ? createDb(database.url) : a;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.$disconnect(), b !== a ? b?.$disconnect() : undefined, db().$disconnect()]);
  await dropTestDatabase(database);
}, 60_000);

describe(`writers side by side (${TEST_DIALECT})`, () => {
  it("append to one audit chain without a gap, a duplicate number or a broken link", async () => {
    const forum = await a.forum.create({ data: { slug: "chain-under-load", name: "Chain under load" } });
    const chain = forum.id;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).$transaction((tx) => appendAudit(tx, { forumId: chain, actorId: null, action: "test.event", entityType: "Test", entityId: String(i), after: { i } })),
      ),
    );
    const rows = await a.auditEvent.findMany({ where: { chain }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditChain(a, chain)).toBeNull();
  });

  it("let at most the limit of parallel sign-in attempts of one account check a password", async () => {
    const limits = { maxPerAccountAndIp: 5, maxPerAccount: 50, maxPerIp: 50, windowMs: 15 * 60_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveSignInAttempt(limits, "target@example.org", "198.51.100.7")));
    expect(results.filter((r) => r === null)).toHaveLength(5);
    expect(results.filter((r) => typeof r === "number" && r > 0)).toHaveLength(15);
  });

  it("run a leased job once however many reach for it at the same moment", async () => {
    let runs = 0;
    const job = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 200));
      return "done";
    };
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => withLease(i % 2 ? a : b, "the-job", 60_000, job)));
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, value: "done" }]);
    // Given back afterwards: the next round runs again.
    expect((await withLease(a, "the-job", 60_000, job)).ran).toBe(true);
    expect(runs).toBe(2);
  });

  it("free a lease only by its holder or by its expiry", async () => {
    const now = new Date();
    expect(await takeLease(a, "lease", "one", 1000, now)).toBe(true);
    expect(await takeLease(b, "lease", "two", 1000, now)).toBe(false);
    await releaseLease(b, "lease", "two");
    expect(await takeLease(b, "lease", "two", 1000, now)).toBe(false);
    // One that died: its lease lapses.
    expect(await takeLease(b, "lease", "two", 1000, new Date(now.getTime() + 1001))).toBe(true);
    await releaseLease(a, "lease", "one");
    expect(await a.jobLease.findUnique({ where: { name: "lease" } })).toMatchObject({ holder: "two" });
    await releaseLease(b, "lease", "two");
    expect(await a.jobLease.count({ where: { name: "lease" } })).toBe(0);
  });
});
