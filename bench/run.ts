// `npm run bench [-- --quick] [-- --only S1,S5]`: Samråd's sync server side by side with the peers
// people would pick instead, on this machine. Servers run pinned to core 0, load generators to
// core 1; peers take turns in A/B/A/B order; medians over the repetitions. Writes
// bench/results/<date>.json and docs/benchmarks.md, and prints the table.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { createDb } from "../lib/db/client.ts";
import { migrateDatabase } from "../lib/db/prepare.ts";
import { seedDemo } from "../lib/db/seed-demo.ts";
import type { ProcessMetrics } from "../lib/observability/metrics.ts";
import { buildIfNeeded } from "../scripts/build-if-needed.ts";
import { freePort } from "../tests/support/server-process.ts";
import { buildRegions, figuresCsv } from "../tests/support/import-files.ts";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const ONLY = args.find((a) => a.startsWith("--only="))?.slice(7).split(",") ?? (args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",") : null);
const REPS = QUICK ? 1 : 3;
const TMP = path.resolve("bench/.tmp");
const PEERS = path.resolve("bench/peers");
const SECRET = "bench-secret-bench-secret-bench-secret-0123";
/** The audit key of the servers and of the template's seed (written in this process), so their chains agree. */
const AUDIT_SECRET = "bench-audit-secret-bench-audit-secret-0123";
process.env.AUDIT_SECRET ??= AUDIT_SECRET;
const hasTaskset = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const pin = (core: number, cmd: string[]) => (hasTaskset ? ["taskset", "-c", String(core), ...cmd] : cmd);

type ServerKind = "ours" | "ref" | "hocuspocus" | "hocuspocus-sqlite" | "relay";
const LABEL: Record<ServerKind, string> = {
  ours: "Samråd",
  ref: "y-websocket ref",
  hocuspocus: "Hocuspocus",
  "hocuspocus-sqlite": "Hocuspocus+SQLite",
  relay: "bare relay",
};

// ---- processes ------------------------------------------------------------------------------

interface Running {
  kind: ServerKind;
  port: number;
  wsUrl: string;
  headers: Record<string, string>;
  metrics: ProcessMetrics[];
  proc: ChildProcess;
  dbFile?: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

let templateDb = "";
let cookie = "";

async function prepareTemplate() {
  mkdirSync(TMP, { recursive: true });
  templateDb = path.join(TMP, "template.db");
  for (const s of ["", "-wal", "-shm"]) rmSync(templateDb + s, { force: true });
  migrateDatabase(`file:${templateDb}`);
  const db = createDb(`file:${templateDb}`);
  await seedDemo(db);
  const forum = await db.forum.findFirstOrThrow();
  const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE" } });
  const leader = await db.user.findUniqueOrThrow({ where: { email: "prosjektleder@samrad.example" } });
  await db.document.createMany({
    data: Array.from({ length: 300 }, (_, i) => ({ id: roomId(i), forumId: forum.id, groupId: group.id, kind: "NOTE" as const, title: `Benchmark ${i}`, createdById: leader.id })),
  });
  await db.$disconnect();
  // The sync server only trusts a session it can decode: the project leader's, who may write every document.
  cookie = `next-auth.session-token=${await encode({ token: { sub: leader.id, name: "Lars", email: leader.email, sv: 0 }, secret: SECRET })}`;
  // Fold the WAL into the file so that copies are complete.
  const sqlite = new Database(templateDb);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

const roomId = (i: number) => `benchdoc${String(i).padStart(6, "0")}`;
const roomName = (i: number) => `document.${roomId(i)}`;

function lines(proc: ChildProcess, on: (line: string) => void) {
  createInterface({ input: proc.stdout! }).on("line", on);
  createInterface({ input: proc.stderr! }).on("line", (l) => process.env.BENCH_DEBUG && console.error(`[${proc.pid}] ${l}`));
}

async function startServer(kind: ServerKind, opts: { dbFile?: string; port?: number; env?: Record<string, string> } = {}): Promise<Running> {
  const port = opts.port ?? (await freePort());
  let cmd: string[];
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), ...opts.env };
  let dbFile = opts.dbFile;
  if (kind === "ours") {
    if (!dbFile) {
      dbFile = path.join(TMP, `ours-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
      copyFileSync(templateDb, dbFile);
    }
    Object.assign(env, {
      NODE_ENV: "production", HOST: "127.0.0.1", APP_URL: `http://127.0.0.1:${port}`, DATABASE_URL: `file:${dbFile}`,
      NEXTAUTH_SECRET: SECRET, AUDIT_SECRET: process.env.AUDIT_SECRET!, AUDIT_HEAD_FILE: `${dbFile}.audit-head.jsonl`, SEED_DEMO: "false", METRICS_LOG: "true", COLLAB_IDLE_UNLOAD_MS: "600000", NEXT_TELEMETRY_DISABLED: "1",
    });
    // BENCH_PROFILE=dir writes a CPU profile of our server (node --cpu-prof) for each run.
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    cmd = [process.execPath, ...profile, "--import", "tsx", "server.ts"];
  } else if (kind === "hocuspocus" || kind === "hocuspocus-sqlite") {
    if (kind === "hocuspocus-sqlite") {
      dbFile ??= path.join(TMP, `hocuspocus-${Date.now()}.sqlite`);
      env.HOCUSPOCUS_SQLITE = dbFile;
    }
    cmd = [process.execPath, "--import", "tsx", path.join(PEERS, "servers/hocuspocus.ts")];
  } else {
    cmd = [process.execPath, "--import", "tsx", path.join(PEERS, `servers/${kind}.ts`)];
  }
  const full = pin(0, cmd);
  const proc = spawn(full[0]!, full.slice(1), { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const metrics: ProcessMetrics[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start`)), 60_000);
    lines(proc, (line) => {
      if (line.startsWith("METRICS ")) metrics.push(JSON.parse(line.slice(8)) as ProcessMetrics);
      else if (line.startsWith("READY") || line.includes("Samråd is ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once("exit", (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  const ours = kind === "ours";
  return {
    kind, port, metrics, proc, dbFile,
    wsUrl: ours ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`,
    headers: ours ? { cookie, origin: `http://127.0.0.1:${port}` } : {},
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      try {
        process.kill(-proc.pid!, signal);
      } catch {
        /* gone */
      }
      await exited;
    },
  };
}

interface ShardResult {
  shard: number;
  self: { cpuShare: number; loopP99: number };
  latency: string;
  joins: string;
  acks: string;
  clients: { room: string; sent: number; received: number; duplicates: number; clientID: number; ackedClock: number; unacked: number; size: number; textLength: number; hash: string; sv: Record<string, number> }[];
}

async function runShards(server: Running, plan: { rooms: string[]; clientsPerRoom: number; shards: number; editsPerSecond?: number; awarenessHz?: number; durationMs?: number; joinSpreadMs?: number; trackSaved?: boolean; mode?: "run" | "verify" }, during?: () => Promise<void>): Promise<ShardResult[] & { runStart: number }> {
  const procs: ChildProcess[] = [];
  const results: Promise<ShardResult>[] = [];
  const ready: Promise<void>[] = [];
  const perShard = Math.ceil(plan.rooms.length / plan.shards);
  for (let s = 0; s < plan.shards; s++) {
    const rooms = plan.rooms.length >= plan.shards ? plan.rooms.slice(s * perShard, (s + 1) * perShard) : plan.rooms;
    const clientsPerRoom = plan.rooms.length >= plan.shards ? plan.clientsPerRoom : Math.ceil(plan.clientsPerRoom / plan.shards);
    const config = {
      shard: s, protocol: server.kind.startsWith("hocuspocus") ? "hocuspocus" : "y-websocket", url: server.wsUrl, headers: server.headers, rooms, clientsPerRoom,
      editsPerSecond: plan.editsPerSecond ?? 0, awarenessHz: plan.awarenessHz ?? 0, durationMs: plan.durationMs ?? 0, joinSpreadMs: plan.joinSpreadMs ?? 200,
      trackSaved: plan.trackSaved ?? false, mode: plan.mode ?? "run",
    };
    const full = pin(1, [process.execPath, "--import", "tsx", path.join(PEERS, "load/shard.ts")]);
    const proc = spawn(full[0]!, full.slice(1), { env: { ...process.env, SHARD_CONFIG: JSON.stringify(config) }, stdio: ["pipe", "pipe", "pipe"] });
    procs.push(proc);
    let readyResolve!: () => void;
    ready.push(new Promise((r) => (readyResolve = r)));
    results.push(
      new Promise((resolve, reject) => {
        lines(proc, (line) => {
          if (line.startsWith("READY")) readyResolve();
          if (line.startsWith("RESULT ")) resolve(JSON.parse(line.slice(7)) as ShardResult);
        });
        proc.once("exit", (code) => code !== 0 && reject(new Error(`shard exited with ${code}`)));
      }),
    );
  }
  await Promise.all(ready);
  const runStart = Date.now();
  for (const p of procs) p.stdin!.write("GO\n");
  if (during) await during();
  const out = await Promise.all(results);
  return Object.assign(out, { runStart });
}

// ---- the gap view's data -------------------------------------------------------------------

const GAP_NEEDS = 50_000;

/**
 * Adds `count` needs to the demo forum of a copied template (prepared statements in one
 * transaction): 20 regions, 250 fields, four units, five years and two half-years, the three target
 * areas and the competence groups; every 20th need is linked to a demo action. Returns the forum id.
 */
function fillNeeds(dbFile: string, count: number): string {
  const sqlite = new Database(dbFile);
  const forumId = (sqlite.prepare("SELECT id FROM Forum LIMIT 1").get() as { id: string }).id;
  const userId = (sqlite.prepare("SELECT id FROM User WHERE email = 'prosjektleder@samrad.example'").get() as { id: string }).id;
  const areas = (sqlite.prepare("SELECT id FROM TargetArea WHERE forumId = ?").all(forumId) as { id: string }[]).map((r) => r.id);
  const groups = (sqlite.prepare("SELECT id FROM \"Group\" WHERE forumId = ? AND kind = 'COMPETENCE'").all(forumId) as { id: string }[]).map((r) => r.id);
  const actions = (sqlite.prepare("SELECT id FROM ActionItem WHERE forumId = ?").all(forumId) as { id: string }[]).map((r) => r.id);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const regions = Array.from({ length: 20 }, (_, i) => `benchregion${String(i).padStart(4, "0")}`);
  const periods = ["2022", "2023", "2024", "2025", "2026", "2026-H1", "2026-H2"];
  const units = ["PERSONS", "PERSONS", "APPRENTICESHIPS", "STUDY_PLACES", "FTE"];
  const insertRegion = sqlite.prepare("INSERT INTO Region (id, forumId, name, kind, sortOrder, createdAt) VALUES (?, ?, ?, 'MUNICIPALITY', ?, ?)");
  const insertNeed = sqlite.prepare(`INSERT INTO Need (id, forumId, groupId, targetAreaId, title, description, field, regionId, period, demand, supply, unit, sourceName, confidence, notes, createdById, createdAt, updatedAt, version)
    VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, 'Benchmark', 'MEDIUM', '', ?, ?, ?, 1)`);
  const insertLink = sqlite.prepare("INSERT INTO NeedLink (id, needId, actionItemId, createdById, createdAt) VALUES (?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    regions.forEach((id, i) => insertRegion.run(id, forumId, `Kommune ${i + 1}`, i, now));
    for (let i = 0; i < count; i++) {
      const id = `benchneed${String(i).padStart(7, "0")}`;
      const demand = 10 + ((i * 37) % 400);
      const supply = Math.round(demand * (0.4 + ((i * 13) % 70) / 100));
      insertNeed.run(id, forumId, groups[i % groups.length]!, i % 7 === 0 ? null : areas[i % areas.length]!, `Behov ${i}`, `Fagområde ${(i * 7) % 250}`,
        i % 11 === 0 ? null : regions[i % regions.length]!, periods[i % periods.length]!, demand, supply, units[i % units.length]!, userId, now, now);
      if (i % 20 === 0 && actions.length) insertLink.run(`benchlink${String(i).padStart(7, "0")}`, id, actions[i % actions.length]!, userId, now);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return forumId;
}

// ---- measurements -----------------------------------------------------------------------------

// hdr-histogram-js lives in bench/peers, which the run installs first: load it only then (an import
// at the top failed on every clone where the peers had never been installed).
let hdr: typeof import("hdr-histogram-js");
async function loadHistograms() {
  const mod = await import(path.join(PEERS, "node_modules/hdr-histogram-js/dist/index.js"));
  hdr = (mod.default ?? mod) as typeof import("hdr-histogram-js");
}

function merged(results: ShardResult[], field: "latency" | "joins" | "acks") {
  const total = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  for (const r of results) total.add(hdr.decodeFromCompressedBase64(r[field]));
  return { count: total.totalCount, p: (q: number) => total.getValueAtPercentile(q) / 1000 };
}

/** Delivery counts, duplicates and whether every replica of every room holds the same. */
function checkDelivery(results: ShardResult[]) {
  const clients = results.flatMap((r) => r.clients);
  const byRoom = new Map<string, typeof clients>();
  for (const c of clients) byRoom.set(c.room, [...(byRoom.get(c.room) ?? []), c]);
  let expected = 0;
  let delivered = 0;
  let duplicates = 0;
  let converged = true;
  let sent = 0;
  for (const list of byRoom.values()) {
    const roomSent = list.reduce((n, c) => n + c.sent, 0);
    sent += roomSent;
    for (const c of list) {
      expected += roomSent - c.sent;
      delivered += c.received;
      duplicates += c.duplicates;
      if (c.hash !== list[0]!.hash || c.size !== roomSent) converged = false;
    }
  }
  return { sent, expected, delivered, duplicates, converged: converged && delivered === expected && duplicates === 0 };
}

function loadValidity(results: ShardResult[]) {
  const cpu = results.reduce((n, r) => n + r.self.cpuShare, 0);
  const loop = Math.max(...results.map((r) => r.self.loopP99));
  return { loadCpu: cpu, loadLoopP99: loop, valid: cpu <= 0.7 && loop <= 20 };
}

/** Server metrics over the editing phase (from one report after GO, so no start-up work is counted). */
function serverWindow(server: Running, runStart: number, durationMs: number) {
  const window = server.metrics.filter((m) => m.t >= runStart + 1000 && m.t <= runStart + durationMs + 500);
  const cpuSeconds = window.reduce((n, m) => n + m.cpu, 0);
  return {
    cpuSeconds,
    peakRss: Math.max(0, ...window.map((m) => m.rss)),
    loopP99Max: Math.max(0, ...window.map((m) => m.loopP99)),
    loopMax: Math.max(0, ...window.map((m) => m.loopMax ?? 0)),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dur = (full: number, quick: number) => (QUICK ? quick : full);

type Measure = Record<string, number | string | boolean>;
interface Scenario {
  id: string;
  title: string;
  servers: ServerKind[];
  /** The metric the target is about and whether lower is better. */
  headline: string;
  target: string;
  pass: (m: Measure) => boolean;
  run: (kind: ServerKind) => Promise<Measure>;
  /** False when the scenario needs nothing from bench/peers (no peer servers, load generators or histograms). */
  peers?: boolean;
}

const editing = (id: string, title: string, servers: ServerKind[], plan: { rooms: number; clientsPerRoom: number; shards: number; editsPerSecond: number; awarenessHz: number }, target: string, pass: (m: Measure) => boolean): Scenario => ({
  id, title, servers, headline: "p99 ms", target, pass,
  run: async (kind) => {
    const server = await startServer(kind);
    try {
      const durationMs = dur(5000, 2000);
      const results = await runShards(server, { ...plan, rooms: Array.from({ length: plan.rooms }, (_, i) => roomName(i)), durationMs });
      const lat = merged(results, "latency");
      const d = checkDelivery(results);
      const s = serverWindow(server, results.runStart, durationMs);
      const seconds = (durationMs - 1000) / 1000;
      return {
        "p50 ms": lat.p(50), "p99 ms": lat.p(99), delivered: d.delivered, expected: d.expected, duplicates: d.duplicates, converged: d.converged,
        // Deliveries per second times the measured seconds: CPU per delivered update over the same window.
        "server CPU µs/delivery": d.delivered ? (s.cpuSeconds * 1e6) / ((d.delivered / (durationMs / 1000)) * seconds) : 0,
        "server CPU %": (s.cpuSeconds / seconds) * 100, ...loadValidity(results),
      };
    } finally {
      await server.stop();
    }
  },
});

const scenarios: Scenario[] = [
  editing("S1", "1 document × 20 editors × 2 edits/s, cursors on", ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    { rooms: 1, clientsPerRoom: 20, shards: 1, editsPerSecond: 2, awarenessHz: 2 }, "p50 ≤ 3 ms, p99 ≤ 20 ms",
    (m) => Number(m["p50 ms"]) <= 3 && Number(m["p99 ms"]) <= 20),
  editing("S2", "1 document × 100 editors × 1 edit/s", ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    { rooms: 1, clientsPerRoom: 100, shards: 2, editsPerSecond: 1, awarenessHz: 0 }, "p99 ≤ 50 ms; CPU/delivery ≤ 1.5 × relay",
    (m) => Number(m["p99 ms"]) <= 50),
  editing("S3", "100 documents × 5 editors × 1 edit/s + cursors", ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    { rooms: 100, clientsPerRoom: 5, shards: 2, editsPerSecond: 1, awarenessHz: 1 }, "p99 ≤ 30 ms",
    (m) => Number(m["p99 ms"]) <= 30),
  {
    id: "S4", title: "1,000 idle connections on 200 documents", servers: ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    headline: "KB RSS/connection", target: "≤ 25 KB RSS per connection", pass: (m) => Number(m["KB RSS/connection"]) <= 25,
    run: async (kind) => {
      const server = await startServer(kind);
      try {
        await sleep(dur(1500, 1000));
        // The baseline is the last report before any client connects (wait for the first one).
        while (server.metrics.length === 0) await sleep(100);
        const before = server.metrics.at(-1)!.rss;
        const results = await runShards(server, { rooms: Array.from({ length: 200 }, (_, i) => roomName(i)), clientsPerRoom: 5, shards: 2, durationMs: dur(3000, 1500), joinSpreadMs: 1000 });
        const after = Math.max(...server.metrics.slice(-3).map((m) => m.rss));
        const connections = server.metrics.at(-1)!.connections;
        return { "KB RSS/connection": (after - before) / 1000 / 1024, "RSS before MB": before / 2 ** 20, "RSS after MB": after / 2 ** 20, connections, ...loadValidity(results) };
      } finally {
        await server.stop();
      }
    },
  },
  {
    id: "S5", title: "Cold open of a document built from 100,000 edits", servers: ["ours", "hocuspocus-sqlite"],
    headline: "first sync ms", target: "first client synced ≤ 150 ms", pass: (m) => Number(m["first sync ms"]) <= 150,
    run: async (kind) => {
      const stateFile = path.join(TMP, "cold-100k.bin");
      if (!existsSync(stateFile)) spawnSync(process.execPath, ["--import", "tsx", path.join(PEERS, "load/build-doc.ts"), stateFile, "100000"], { stdio: "inherit" });
      const state = readFileSync(stateFile);
      let dbFile: string;
      if (kind === "ours") {
        dbFile = path.join(TMP, `ours-cold-${Date.now()}.db`);
        copyFileSync(templateDb, dbFile);
        const sqlite = new Database(dbFile);
        sqlite.prepare("UPDATE Document SET state = ? WHERE id = ?").run(state, roomId(0));
        sqlite.close();
      } else {
        dbFile = path.join(TMP, `hocuspocus-cold-${Date.now()}.sqlite`);
        const sqlite = new Database(dbFile);
        sqlite.exec(`CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))`);
        sqlite.prepare(`INSERT INTO "documents" ("name", "data") VALUES (?, ?)`).run(roomName(0), state);
        sqlite.close();
      }
      const server = await startServer(kind, { dbFile });
      try {
        await sleep(500);
        const results = await runShards(server, { rooms: [roomName(0)], clientsPerRoom: 1, shards: 1, mode: "verify" });
        const client = results[0]!.clients[0]!;
        return { "first sync ms": merged(results, "joins").p(50), "text length": client.textLength, "state KB": state.length / 1024, loaded: client.textLength > 50_000 };
      } finally {
        await server.stop();
      }
    },
  },
  {
    id: "S6", title: `Persistence: 500 edits/s for ${QUICK ? "5 s" : "2 minutes"}, then SIGKILL`, servers: ["ours", "hocuspocus-sqlite"],
    headline: "ack p95 ms", target: "save-ack p95 ≤ 100 ms; nothing acknowledged lost; storage never blocks the loop > 20 ms",
    pass: (m) => Number(m["ack p95 ms"]) <= 100 && m["acknowledged lost"] === 0 && Number(m["server loop p99 max ms"]) <= 20,
    run: async (kind) => {
      let server = await startServer(kind);
      const durationMs = dur(120_000, 5000);
      const results = await runShards(server, { rooms: [roomName(0)], clientsPerRoom: 5, shards: 1, editsPerSecond: 100, durationMs, trackSaved: kind === "ours" });
      const s = serverWindow(server, results.runStart, durationMs);
      await server.stop("SIGKILL");
      server = await startServer(kind, { dbFile: server.dbFile, port: server.port });
      try {
        const verify = await runShards(server, { rooms: [roomName(0)], clientsPerRoom: 1, shards: 1, mode: "verify" });
        const stored = verify[0]!.clients[0]!;
        const editors = results[0]!.clients;
        const lost = editors.filter((c) => (stored.sv[String(c.clientID)] ?? 0) < c.ackedClock).length;
        const sent = editors.reduce((n, c) => n + c.sent, 0);
        const acks = merged(results, "acks");
        return {
          "ack p95 ms": kind === "ours" ? acks.p(95) : "n/a", "ack p50 ms": kind === "ours" ? acks.p(50) : "n/a", acknowledged: acks.count,
          "acknowledged lost": kind === "ours" ? lost : "n/a", sent, "stored after kill": stored.size, "lost after kill": sent - stored.size,
          "server loop p99 max ms": s.loopP99Max, "server loop max ms": s.loopMax, ...loadValidity(results),
        };
      } finally {
        await server.stop();
      }
    },
  },
  {
    id: "S7", title: "Join storm: 500 clients onto 100 documents within 1 s", servers: ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    headline: "synced p99 ms", target: "synced p50 ≤ 300 ms, p99 ≤ 1 s", pass: (m) => Number(m["synced p50 ms"]) <= 300 && Number(m["synced p99 ms"]) <= 1000,
    run: async (kind) => {
      const server = await startServer(kind);
      try {
        const results = await runShards(server, { rooms: Array.from({ length: 100 }, (_, i) => roomName(i)), clientsPerRoom: 5, shards: 2, joinSpreadMs: 1000, mode: "verify" });
        const j = merged(results, "joins");
        return { "synced p50 ms": j.p(50), "synced p99 ms": j.p(99), clients: j.count };
      } finally {
        await server.stop();
      }
    },
  },
  {
    id: "S8", title: "Web: sign-in page and a group page, 50 concurrent users (autocannon)", servers: ["ours"],
    headline: "group p95 ms", target: "group page p95 ≤ 100 ms", pass: (m) => Number(m["group p95 ms"]) <= 100,
    run: async (kind) => {
      const server = await startServer(kind);
      try {
        const db = createDb(`file:${server.dbFile}`);
        // A group as people have it (the benchmark's 300 documents live in another group).
        const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE", documents: { none: { id: roomId(0) } } } });
        await db.$disconnect();
        const web = (url: string, withCookie: boolean) => {
          const full = pin(1, [process.execPath, "--import", "tsx", path.join(PEERS, "load/web.ts")]);
          const r = spawnSync(full[0]!, full.slice(1), { env: { ...process.env, WEB_CONFIG: JSON.stringify({ url, cookie: withCookie ? cookie : undefined, connections: 50, durationS: dur(10, 3) }) }, encoding: "utf8" });
          const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
          if (!line) throw new Error(`web load failed: ${r.stderr.slice(0, 500)}`);
          if (process.env.BENCH_DEBUG) console.error(line);
          return JSON.parse(line.slice(7)) as { requests: number; errors: number; p50: number; p95: number; p99: number };
        };
        // One request each first, so that nothing measured is a first-time cost.
        await fetch(`http://127.0.0.1:${server.port}/login`);
        await fetch(`http://127.0.0.1:${server.port}/f/ostfold/groups/${group.id}`, { headers: { cookie } });
        const login = web(`http://127.0.0.1:${server.port}/login`, false);
        const groupPage = web(`http://127.0.0.1:${server.port}/f/ostfold/groups/${group.id}`, true);
        return { "login p95 ms": login.requests ? login.p95 : "n/a", "group p95 ms": groupPage.requests ? groupPage.p95 : "n/a", "group p50 ms": groupPage.p50, "group requests": groupPage.requests, "group errors": groupPage.errors, "login requests": login.requests };
      } finally {
        await server.stop();
      }
    },
  },
  {
    id: "G1", title: "Gap view (Kompetansegapet) over 50,000 needs", servers: ["ours"], peers: false,
    headline: "page p95 ms", target: "aggregation p95 ≤ 100 ms; page p95 ≤ 400 ms (one request at a time)",
    pass: (m) => Number(m["aggregation p95 ms"]) <= 100 && Number(m["page p95 ms"]) <= 400,
    run: async () => {
      const dbFile = path.join(TMP, `ours-gap-${Date.now()}.db`);
      copyFileSync(templateDb, dbFile);
      const forumId = fillNeeds(dbFile, GAP_NEEDS);
      const { loadGapRows, listNeedPeriods } = await import("../lib/db/gap.ts");
      const { defaultPeriod, shapeGap, trendPeriods } = await import("../lib/needs/gap.ts");
      const db = createDb(`file:${dbFile}`);
      const reps = dur(50, 20);
      const aggregate = async (filter: Record<string, string>) => {
        const periods = await listNeedPeriods(db, forumId);
        const period = defaultPeriod(periods);
        return shapeGap(await loadGapRows(db, forumId, { filter, period, trendPeriods: trendPeriods(periods, { like: period }), needLimit: 100 }));
      };
      const timed = async (fn: () => Promise<unknown>) => {
        // Warm-up (JIT, page compilation, SQLite's page cache): not measured.
        for (let i = 0; i < 3; i++) await fn();
        const ms: number[] = [];
        for (let i = 0; i < reps; i++) {
          const t = performance.now();
          await fn();
          ms.push(performance.now() - t);
        }
        return ms.sort((a, b) => a - b);
      };
      const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]!;
      const whole = await timed(() => aggregate({}));
      const area = (await db.targetArea.findFirstOrThrow({ where: { forumId }, select: { id: true } })).id;
      const filtered = await timed(() => aggregate({ targetAreaId: area, unit: "PERSONS" }));
      const report = await aggregate({});
      await db.$disconnect();
      const server = await startServer("ours", { dbFile });
      try {
        const url = `http://127.0.0.1:${server.port}/f/ostfold/gap`;
        const page = await timed(async () => {
          const res = await fetch(url, { headers: { cookie } });
          if (res.status !== 200) throw new Error(`gap view answered ${res.status}`);
          await res.text();
        });
        return {
          "page p95 ms": pct(page, 95), "page p50 ms": pct(page, 50),
          "aggregation p95 ms": pct(whole, 95), "aggregation p50 ms": pct(whole, 50),
          "filtered aggregation p95 ms": pct(filtered, 95),
          needs: GAP_NEEDS, units: report.units.length, "needs counted": report.units.reduce((n, u) => n + u.totals.needs, 0), requests: reps,
        };
      } finally {
        await server.stop();
      }
    },
  },
  {
    id: "I1", title: "Import of 50,000 rows of figures (CSV, ~3 MB) through the HTTP API", servers: ["ours"], peers: false,
    headline: "commit s", target: "commit ≤ 15 s and re-import (all updates) ≤ 15 s; no event-loop stall > 500 ms",
    pass: (m) => Number(m["commit s"]) <= 15 && Number(m["re-import s"]) <= 15 && Number(m["server loop max ms"]) <= 500,
    run: async () => {
      // A copy of the template with the county's municipalities, so that every row names a region.
      const dbFile = path.join(TMP, `ours-import-${Date.now()}.db`);
      copyFileSync(templateDb, dbFile);
      const seeded = createDb(`file:${dbFile}`);
      const forum = await seeded.forum.findFirstOrThrow({ select: { id: true } });
      await buildRegions(seeded, forum.id);
      const groupId = (await seeded.group.findFirstOrThrow({ where: { kind: "COMPETENCE" }, select: { id: true } })).id;
      await seeded.$disconnect();
      const server = await startServer("ours", { dbFile });
      try {
        const base = `http://127.0.0.1:${server.port}/api/forums/ostfold/imports`;
        const file = Buffer.from(figuresCsv(50_000, { prefix: "bench" }), "utf8");
        const send = async (path: string, ndjson: boolean) => {
          const form = new FormData();
          form.set("file", new Blob([new Uint8Array(file)]), "tall-50000.csv");
          form.set("groupId", groupId);
          form.set("sourceName", "Benchmark 50 000");
          const started = performance.now();
          const res = await fetch(base + path, { method: "POST", body: form, headers: { ...server.headers, ...(ndjson ? { accept: "application/x-ndjson" } : {}) } });
          const text = await res.text();
          const seconds = (performance.now() - started) / 1000;
          if (!res.ok) throw new Error(`${path || "commit"}: ${res.status} ${text.slice(0, 300)}`);
          const last = ndjson ? (JSON.parse(text.trim().split("\n").at(-1)!) as { type: string; result?: { created: number; updated: number; batch: { id: string } } }) : null;
          if (last && last.type !== "done") throw new Error(`commit ended with ${text.slice(-300)}`);
          return { seconds, result: last?.result, lines: ndjson ? text.trim().split("\n").length : 0 };
        };
        await sleep(1500);
        // The worst event-loop stall while a step ran (reports come once a second, so wait for the one after).
        const stallDuring = async <T>(step: () => Promise<T>) => {
          const since = Date.now();
          const out = await step();
          const until = Date.now();
          await sleep(1100);
          return { out, stall: Math.max(0, ...server.metrics.filter((m) => m.t >= since && m.t <= until + 1100).map((m) => m.loopMax)) };
        };
        const since = Date.now();
        const { out: preview, stall: previewStall } = await stallDuring(() => send("/preview", false));
        const { out: first, stall: commitStall } = await stallDuring(() => send("", true));
        const { out: again, stall: reimportStall } = await stallDuring(() => send("", true));
        const during = server.metrics.filter((m) => m.t >= since && m.t <= Date.now() + 1000);
        const undoStarted = performance.now();
        // Undo the re-import: 50,000 needs get their previous values back.
        const undo = await fetch(`${base}/${again.result!.batch.id}/undo`, { method: "POST", headers: server.headers });
        if (!undo.ok) throw new Error(`undo: ${undo.status} ${(await undo.text()).slice(0, 300)}`);
        const undoSeconds = (performance.now() - undoStarted) / 1000;
        return {
          "commit s": first.seconds, "re-import s": again.seconds, "undo s": undoSeconds, "preview s": preview.seconds,
          created: first.result!.created, updated: again.result!.updated, "rows/s": 50_000 / first.seconds, "progress lines": first.lines,
          "server loop max ms": Math.max(previewStall, commitStall, reimportStall), "loop max preview ms": previewStall, "loop max commit ms": commitStall,
          "loop max re-import ms": reimportStall, "server loop p99 max ms": Math.max(0, ...during.map((m) => m.loopP99)),
          "peak RSS MB": Math.max(0, ...during.map((m) => m.rss)) / 2 ** 20, "file MB": file.length / 2 ** 20,
        };
      } finally {
        await server.stop();
      }
    },
  },
];

// ---- orchestration ---------------------------------------------------------------------------

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function medianOf(runs: Measure[]): Measure {
  const out: Measure = {};
  for (const key of Object.keys(runs[0] ?? {})) {
    const values = runs.map((r) => r[key]);
    if (values.every((v) => typeof v === "number")) out[key] = median(values as number[]);
    else if (values.every((v) => typeof v === "boolean")) out[key] = (values as boolean[]).every(Boolean);
    else out[key] = values[0]!;
  }
  return out;
}

const fmt = (v: number | string | boolean | undefined) =>
  typeof v === "number" ? (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)) : v === undefined ? "–" : String(v);

async function main() {
  // --render=<results.json>: rewrite docs/benchmarks.md from a finished run (e.g. after editing bench/analysis.md).
  const render = args.find((a) => a.startsWith("--render="))?.slice(9);
  if (render) {
    const output = JSON.parse(readFileSync(render, "utf8"));
    const table = renderTable(output.report);
    mkdirSync("docs", { recursive: true });
    writeFileSync("docs/benchmarks.md", renderDoc(output, table));
    console.log(table);
    return;
  }
  const started = Date.now();
  const chosen = scenarios.filter((s) => !ONLY || ONLY.includes(s.id));
  // Scenarios of our server alone (the gap view) run without installing the peers.
  if (chosen.some((s) => s.peers !== false)) {
    if (!existsSync(path.join(PEERS, "node_modules"))) {
      console.log("Installing the peers (bench/peers, pinned) …");
      const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: PEERS, stdio: "inherit" });
      if (r.status !== 0) process.exit(1);
    }
    await loadHistograms();
  }
  buildIfNeeded();
  await prepareTemplate();
  const report: { id: string; title: string; target: string; headline: string; results: Partial<Record<ServerKind, { median: Measure; runs: Measure[] }>>; pass: boolean | null; notes: string[] }[] = [];
  for (const scenario of chosen) {
    const runs: Partial<Record<ServerKind, Measure[]>> = {};
    // Quick mode keeps what each target is compared against: the relay only where it is the yardstick (S2).
    const servers = QUICK
      ? scenario.servers.filter((k) => scenario.servers.length <= 2 || k === "ours" || k === "ref" || k === "hocuspocus" || (k === "relay" && scenario.id === "S2"))
      : scenario.servers;
    // S6 runs for two minutes per server, so the full run does it once (a third of the suite otherwise).
    const reps = scenario.id === "S6" ? 1 : REPS;
    for (let rep = 0; rep < reps; rep++) {
      // A/B/A/B: the order alternates between repetitions so no server always runs first or last.
      const order = rep % 2 === 0 ? servers : [...servers].reverse();
      for (const kind of order) {
        const t = Date.now();
        process.stdout.write(`${scenario.id} rep ${rep + 1}/${reps} ${LABEL[kind].padEnd(18)} … `);
        try {
          const m = await scenario.run(kind);
          (runs[kind] ??= []).push(m);
          console.log(`${scenario.headline} ${fmt(m[scenario.headline])}${m.valid === false ? " (load generator saturated: invalid)" : ""} [${((Date.now() - t) / 1000).toFixed(1)} s]`);
        } catch (error) {
          console.log(`failed: ${(error as Error).message}`);
          (runs[kind] ??= []).push({ error: (error as Error).message });
        }
      }
    }
    const results: (typeof report)[number]["results"] = {};
    for (const [kind, list] of Object.entries(runs) as [ServerKind, Measure[]][]) results[kind] = { median: medianOf(list), runs: list };
    const ours = results.ours?.median;
    const notes: string[] = [];
    if (ours?.converged === false) notes.push("Samråd: a replica did not converge or an edit was lost/duplicated.");
    if (ours?.valid === false) notes.push("The load generator was saturated during Samråd's run: the figures show the harness's limit, not the server's.");
    if (scenario.id === "S2" && results.relay && ours) {
      const ratio = Number(ours["server CPU µs/delivery"]) / Number(results.relay.median["server CPU µs/delivery"]);
      ours["CPU/delivery ÷ relay"] = ratio;
      notes.push(`Server CPU per delivered update: ${fmt(ratio)} × the bare relay's (target ≤ 1.5).`);
    }
    const pass = ours && !("error" in ours) ? scenario.pass(ours) && ours.converged !== false && (scenario.id !== "S2" || Number(ours["CPU/delivery ÷ relay"] ?? 0) <= 1.5) : null;
    report.push({ id: scenario.id, title: scenario.title, target: scenario.target, headline: scenario.headline, results, pass, notes });
  }
  const elapsed = (Date.now() - started) / 1000;
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}`, taskset: hasTaskset };
  const versions = JSON.parse(readFileSync(path.join(PEERS, "package.json"), "utf8")).dependencies as Record<string, string>;
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  mkdirSync("bench/results", { recursive: true });
  const output = { date: new Date().toISOString(), quick: QUICK, repetitions: REPS, elapsedSeconds: elapsed, machine, versions, report };
  writeFileSync(`bench/results/${stamp}${QUICK ? "-quick" : ""}.json`, JSON.stringify(output, null, 2));
  const table = renderTable(report);
  console.log(`\n${table}\n\nFinished in ${elapsed.toFixed(0)} s; results in bench/results/${stamp}${QUICK ? "-quick" : ""}.json`);
  if (!QUICK) {
    mkdirSync("docs", { recursive: true });
    writeFileSync("docs/benchmarks.md", renderDoc(output, table));
  }
  rmSync(TMP, { recursive: true, force: true });
}

function renderTable(report: { id: string; title: string; target: string; headline: string; results: Partial<Record<ServerKind, { median: Measure }>>; pass: boolean | null }[]) {
  const kinds: ServerKind[] = ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"];
  const head = `| # | Scenario | Metric | Target | ${kinds.map((k) => LABEL[k]).join(" | ")} | Samråd ÷ best peer | Met |`;
  const rows = report.map((r) => {
    const values = kinds.map((k) => r.results[k]?.median[r.headline]);
    const peers = kinds.slice(1).map((k) => r.results[k]?.median[r.headline]).filter((v): v is number => typeof v === "number");
    const ours = values[0];
    const ratio = typeof ours === "number" && peers.length ? ours / Math.min(...peers) : undefined;
    return `| ${r.id} | ${r.title} | ${r.headline} | ${r.target} | ${values.map(fmt).join(" | ")} | ${fmt(ratio)} | ${r.pass === null ? "–" : r.pass ? "yes" : "**no**"} |`;
  });
  return [head, `|${"---|".repeat(6 + kinds.length)}`, ...rows].join("\n");
}

function renderDoc(output: { date: string; repetitions: number; elapsedSeconds: number; machine: object; versions: Record<string, string>; report: { id: string; title: string; notes: string[]; results: Partial<Record<ServerKind, { median: Measure; runs: Measure[] }>> }[] }, table: string) {
  const details = output.report
    .map((r) => {
      const rows = Object.entries(r.results).map(([k, v]) => `| ${LABEL[k as ServerKind]} | ${Object.entries(v!.median).map(([m, x]) => `${m}: ${fmt(x)}`).join("; ")} |`);
      return `### ${r.id}: ${r.title}\n\n| Server | Medians |\n|---|---|\n${rows.join("\n")}\n${r.notes.length ? `\n${r.notes.map((n) => `- ${n}`).join("\n")}\n` : ""}`;
    })
    .join("\n");
  const analysis = existsSync("bench/analysis.md") ? readFileSync("bench/analysis.md", "utf8") : "";
  return `# Benchmarks\n\nGenerated by \`npm run bench\` on ${output.date} (${output.elapsedSeconds.toFixed(0)} s, ${output.repetitions} repetitions, medians).\n\n## Machine and versions\n\n\`\`\`json\n${JSON.stringify({ machine: output.machine, peers: output.versions }, null, 2)}\n\`\`\`\n\nServers run pinned to core 0, load generators to core 1 (\`taskset\`); peers run one after another, order alternating between repetitions (A/B/A/B). Latency = receive time of each edit minus its send time on the machine's monotonic clock, over every delivery to every other client. A run is invalid when the load generator's CPU exceeds 70 % of its core or its event-loop p99 exceeds 20 ms.\n\n## Results\n\n${table}\n\n## Details\n\n${details}\n\n${analysis}`;
}

await main();
