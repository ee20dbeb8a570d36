// S10: one document edited through two instances of Samråd that share PostgreSQL and relay live
// traffic through Redis (issue #16), beside the same load on one instance on the same PostgreSQL.
// Editors alternate between the instances; the load generator tells deliveries between clients of
// the same instance from those that crossed over (Redis stream → the other instance → its sockets).
import { encode } from "next-auth/jwt";
import { createDb } from "../../lib/db/client.ts";
import { migrateDatabase } from "../../lib/db/prepare.ts";
import { seedDemo } from "../../lib/db/seed-demo.ts";
import { dropTestDatabase, freshTestDatabase, testDatabase } from "../../tests/support/test-database.ts";
import { checkDelivery, dur, loadValidity, merged, roomId, roomName, runShards, SECRET, startServer, TMP, type Measure, type Running, type Scenario } from "../harness.ts";

const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const PLAN = { clientsPerRoom: 20, shards: 1, editsPerSecond: 2, awarenessHz: 2 };

/** A PostgreSQL database like the SQLite template (demo forum + the benchmark's documents) and a session for it. */
async function preparePostgres(name: string) {
  const database = testDatabase(name, { dialect: "postgres" });
  await freshTestDatabase(database);
  await migrateDatabase(database.url);
  const db = createDb(database.url);
  try {
    await seedDemo(db);
    const forum = await db.forum.findFirstOrThrow();
    const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE" } });
    const leader = await db.user.findUniqueOrThrow({ where: { email: "prosjektleder@samrad.example" } });
    await db.document.createMany({ data: Array.from({ length: 4 }, (_, i) => ({ id: roomId(i), forumId: forum.id, groupId: group.id, kind: "NOTE" as const, title: `Benchmark ${i}`, createdById: leader.id })) });
    const cookie = `next-auth.session-token=${await encode({ token: { sub: leader.id, name: "Lars", email: leader.email, sv: 0 }, secret: SECRET })}`;
    return { database, cookie };
  } finally {
    await db.$disconnect();
  }
}

/** The servers' CPU seconds in the editing window (reports whose whole second lies inside it). */
const cpuIn = (servers: Running[], runStart: number, durationMs: number) =>
  servers.map((s) => s.metrics.filter((m) => m.t >= runStart + 1000 && m.t <= runStart + durationMs)).reduce((n, w) => n + w.reduce((k, m) => k + m.cpu, 0) / Math.max(1, w.length), 0);

/**
 * Each run edits a document of its own: the load generator's edits set the same map keys in every
 * run, so a second run on the first one's document would overwrite (and see deleted) half its keys.
 */
async function edit(servers: Running[], room: number) {
  const durationMs = dur(8000, 4000, 2000);
  const results = await runShards(servers[0]!, {
    ...PLAN, rooms: [roomName(room)], durationMs, script: "raw-shard.ts",
    extra: (_shard, rooms) => ({ relay: false, verifyRooms: rooms, urls: servers.map((s) => s.wsUrl) }),
  });
  const d = checkDelivery(results);
  // CPU per delivery: all instances' CPU seconds per second over deliveries per second.
  const perSecond = d.delivered / (durationMs / 1000);
  const cpuPerSecond = cpuIn(servers, results.runStart, durationMs);
  return { same: merged(results, "latency"), cross: merged(results, "cross"), d, cpuMicros: d.delivered ? (cpuPerSecond * 1e6) / perSecond : 0, validity: loadValidity(results) };
}

export const instanceScenarios: Scenario[] = [
  {
    id: "S10",
    title: "1 document × 20 editors × 2 edits/s on PostgreSQL: one instance, then two instances (editors alternating) relaying through Redis",
    servers: ["ours"],
    headline: "cross p99 ms",
    target: "cross-instance p99 ≤ 30 ms; CPU/delivery ≤ 2 × one instance; converged",
    pass: (m) => Number(m["cross p99 ms"]) <= 30 && Number(m["2× CPU µs/delivery"]) <= 2 * Number(m["1× CPU µs/delivery"]) && m.converged === true,
    run: async () => {
      const { database, cookie } = await preparePostgres("bench-s10");
      const env = (id: string): Record<string, string> => ({
        DATABASE_URL: database.url, AUDIT_HEAD_FILE: `${TMP}/s10-${id}.audit-head.jsonl`,
        REDIS_URL, REDIS_PREFIX: `samrad-bench-${process.pid}-${Date.now()}:`, INSTANCE_ID: id,
      });
      const started: Running[] = [];
      try {
        // One instance (no Redis), the same PostgreSQL: the yardstick.
        const single = await startServer("ours", { env: { DATABASE_URL: database.url, AUDIT_HEAD_FILE: `${TMP}/s10-one.audit-head.jsonl` }, cookie });
        started.push(single);
        const one = await edit([single], 0);
        await single.stop();
        const prefix = env("a").REDIS_PREFIX!;
        const a = await startServer("ours", { env: { ...env("a"), REDIS_PREFIX: prefix }, cookie });
        started.push(a);
        const b = await startServer("ours", { env: { ...env("b"), REDIS_PREFIX: prefix }, cookie });
        started.push(b);
        const two = await edit([a, b], 1);
        const m: Measure = {
          "1× p50 ms": one.same.p(50), "1× p99 ms": one.same.p(99), "1× CPU µs/delivery": one.cpuMicros,
          "1× delivered": one.d.delivered, "1× expected": one.d.expected, "1× converged": one.d.converged,
          "same p50 ms": two.same.p(50), "same p99 ms": two.same.p(99),
          "cross p50 ms": two.cross.p(50), "cross p99 ms": two.cross.p(99), "cross deliveries": two.cross.count,
          "2× CPU µs/delivery": two.cpuMicros,
          delivered: two.d.delivered, expected: two.d.expected, duplicates: two.d.duplicates, converged: one.d.converged && two.d.converged,
          ...two.validity,
        };
        return m;
      } finally {
        for (const s of started) await s.stop();
        await dropTestDatabase(database);
      }
    },
  },
];
