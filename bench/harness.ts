// The benchmark's shared parts: the servers it starts, the load-generator shards, the histograms and
// the scenario type. Scenarios live in bench/scenarios/*.ts; bench/run.ts orders and reports them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { createDb } from "../lib/db/client.ts";
import { migrateDatabase } from "../lib/db/prepare.ts";
import { seedDemo } from "../lib/db/seed-demo.ts";
import type { ProcessMetrics } from "../lib/observability/metrics.ts";
import { freePort } from "../tests/support/server-process.ts";

export const args = process.argv.slice(2);
/** --smoke: CI's check that the harness still runs (one short scenario per server, nothing written). */
export const SMOKE = args.includes("--smoke");
export const QUICK = SMOKE || args.includes("--quick");
export const ONLY = args.find((a) => a.startsWith("--only="))?.slice(7).split(",") ?? (args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",") : null);
export const REPS = QUICK ? 1 : 3;
export const TMP = path.resolve("bench/.tmp");
export const PEERS = path.resolve("bench/peers");
export const SECRET = "bench-secret-bench-secret-bench-secret-0123";
/** The audit key of the servers and of the template's seed (written in this process), so their chains agree. */
export const AUDIT_SECRET = "bench-audit-secret-bench-audit-secret-0123";
process.env.AUDIT_SECRET ??= AUDIT_SECRET;
export const hasTaskset = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
export const pin = (core: number, cmd: string[]) => (hasTaskset ? ["taskset", "-c", String(core), ...cmd] : cmd);
/**
 * The cores the server under test runs on: core 0, or BENCH_SERVER_CPUS (a taskset list, "0,1") to
 * see what a server with threads does when they are not squeezed onto one core (S6's writer thread).
 */
const SERVER_CPUS = process.env.BENCH_SERVER_CPUS;
const pinServer = (cmd: string[]) => (hasTaskset && SERVER_CPUS ? ["taskset", "-c", SERVER_CPUS, ...cmd] : pin(0, cmd));

export type ServerKind = "ours" | "ref" | "hocuspocus" | "hocuspocus-sqlite" | "relay";
export const LABEL: Record<ServerKind, string> = {
  ours: "Samråd",
  ref: "y-websocket ref",
  hocuspocus: "Hocuspocus",
  "hocuspocus-sqlite": "Hocuspocus+SQLite",
  relay: "bare relay",
};

// ---- processes ------------------------------------------------------------------------------

export interface Running {
  kind: ServerKind;
  port: number;
  wsUrl: string;
  headers: Record<string, string>;
  metrics: ProcessMetrics[];
  proc: ChildProcess;
  dbFile?: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export let templateDb = "";
export let cookie = "";

export async function prepareTemplate() {
  mkdirSync(TMP, { recursive: true });
  templateDb = path.join(TMP, "template.db");
  for (const s of ["", "-wal", "-shm"]) rmSync(templateDb + s, { force: true });
  await migrateDatabase(`file:${templateDb}`);
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

export const roomId = (i: number) => `benchdoc${String(i).padStart(6, "0")}`;
export const roomName = (i: number) => `document.${roomId(i)}`;

export function lines(proc: ChildProcess, on: (line: string) => void) {
  createInterface({ input: proc.stdout! }).on("line", on);
  createInterface({ input: proc.stderr! }).on("line", (l) => process.env.BENCH_DEBUG && console.error(`[${proc.pid}] ${l}`));
}

export async function startServer(kind: ServerKind, opts: { dbFile?: string; port?: number; env?: Record<string, string>; cookie?: string } = {}): Promise<Running> {
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
    }, opts.env);
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
  const full = pinServer(cmd);
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
    headers: ours ? { cookie: opts.cookie ?? cookie, origin: `http://127.0.0.1:${port}` } : {},
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

export interface ShardResult {
  shard: number;
  self: { cpuShare: number; loopP99: number };
  latency: string;
  /** Deliveries between clients of different instances (S10; empty otherwise). */
  cross?: string;
  joins: string;
  acks: string;
  clients: { room: string; sent: number; received: number; duplicates: number; clientID: number; ackedClock: number; unacked: number; size: number; textLength: number; hash: string; sv: Record<string, number> }[];
}

export async function runShards(server: Running, plan: { rooms: string[]; clientsPerRoom: number; shards: number; editsPerSecond?: number; awarenessHz?: number; durationMs?: number; joinSpreadMs?: number; trackSaved?: boolean; mode?: "run" | "verify"; script?: string; extra?: (shard: number, rooms: string[]) => Record<string, unknown> }, during?: () => Promise<void>): Promise<ShardResult[] & { runStart: number }> {
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
      trackSaved: plan.trackSaved ?? false, mode: plan.mode ?? "run", ...plan.extra?.(s, rooms),
    };
    // script: another load generator under bench/peers/load/ with the same stdio protocol (raw-shard.ts for S1–S3).
    const full = pin(1, [process.execPath, "--import", "tsx", path.join(PEERS, `load/${plan.script ?? "shard.ts"}`)]);
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


// ---- measurements -----------------------------------------------------------------------------

// hdr-histogram-js lives in bench/peers, which the run installs first: load it only then (an import
// at the top failed on every clone where the peers had never been installed).
export let hdr: typeof import("hdr-histogram-js");
export async function loadHistograms() {
  const mod = await import(path.join(PEERS, "node_modules/hdr-histogram-js/dist/index.js"));
  hdr = (mod.default ?? mod) as typeof import("hdr-histogram-js");
}

export function merged(results: ShardResult[], field: "latency" | "cross" | "joins" | "acks") {
  const total = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  for (const r of results) if (r[field]) total.add(hdr.decodeFromCompressedBase64(r[field]));
  return { count: total.totalCount, p: (q: number) => total.getValueAtPercentile(q) / 1000 };
}

/** Delivery counts, duplicates and whether every replica of every room holds the same. */
export function checkDelivery(results: ShardResult[]) {
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

export function loadValidity(results: ShardResult[]) {
  const cpu = results.reduce((n, r) => n + r.self.cpuShare, 0);
  const loop = Math.max(...results.map((r) => r.self.loopP99));
  return { loadCpu: cpu, loadLoopP99: loop, valid: cpu <= 0.7 && loop <= 20 };
}

/** Server metrics over the editing phase (from one report after GO, so no start-up work is counted). */
export function serverWindow(server: Running, runStart: number, durationMs: number) {
  const window = server.metrics.filter((m) => m.t >= runStart + 1000 && m.t <= runStart + durationMs + 500);
  const cpuSeconds = window.reduce((n, m) => n + m.cpu, 0);
  return {
    cpuSeconds,
    peakRss: Math.max(0, ...window.map((m) => m.rss)),
    loopP99Max: Math.max(0, ...window.map((m) => m.loopP99)),
    loopMax: Math.max(0, ...window.map((m) => m.loopMax ?? 0)),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const dur = (full: number, quick: number, smoke = quick) => (SMOKE ? smoke : QUICK ? quick : full);

export type Measure = Record<string, number | string | boolean>;
export interface Scenario {
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
  /** Part of `--smoke` (CI): each of its servers runs it once, shortened to a few seconds. */
  smoke?: boolean;
}
