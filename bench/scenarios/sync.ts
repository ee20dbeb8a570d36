// The sync server against its peers: editing latency (S1–S3), idle memory (S4), cold open (S5),
// durable saves under a crash (S6) and a join storm (S7).
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { dur, loadValidity, merged, checkDelivery, PEERS, QUICK, roomId, roomName, runShards, serverWindow, sleep, startServer, templateDb, TMP, type Measure, type Scenario, type ServerKind } from "../harness.ts";

const editing = (id: string, title: string, servers: ServerKind[], plan: { rooms: number; clientsPerRoom: number; shards: number; editsPerSecond: number; awarenessHz: number }, target: string, pass: (m: Measure) => boolean): Scenario => ({
  id, title, servers, headline: "p99 ms", target, pass,
  run: async (kind) => {
    const server = await startServer(kind);
    try {
      // Quick runs last 3 s so that at least two whole one-second server reports fall inside the run.
      const durationMs = dur(5000, 3000, 1500);
      // The raw-socket load generator (bench/peers/load/raw-shard.ts): pre-encoded frames, deliveries
      // recognised and counted, not applied; one real Y.Doc per room (in the shard owning the room) for convergence.
      const shared = plan.rooms < plan.shards;
      const results = await runShards(server, {
        ...plan, rooms: Array.from({ length: plan.rooms }, (_, i) => roomName(i)), durationMs, script: "raw-shard.ts",
        extra: (shard, rooms) => ({ relay: kind === "relay", verifyRooms: !shared || shard === 0 ? rooms : [] }),
      });
      const lat = merged(results, "latency");
      const d = checkDelivery(results);
      // Server CPU from the one-second reports whose whole second lies inside the editing (a report
      // covers the second before it), counted rather than assumed, so a late report cannot empty the window.
      const window = server.metrics.filter((m) => m.t >= results.runStart + 1000 && m.t <= results.runStart + durationMs);
      const seconds = Math.max(1, window.length);
      const s = { cpuSeconds: window.reduce((n, m) => n + m.cpu, 0) };
      const perSecond = d.delivered / (durationMs / 1000);
      return {
        "p50 ms": lat.p(50), "p99 ms": lat.p(99), delivered: d.delivered, expected: d.expected, duplicates: d.duplicates, converged: d.converged,
        // CPU per delivered update: the server's CPU seconds over the deliveries of as many seconds at the run's mean rate.
        "server CPU µs/delivery": d.delivered ? (s.cpuSeconds * 1e6) / (perSecond * seconds) : 0,
        "server CPU %": (s.cpuSeconds / seconds) * 100, ...loadValidity(results),
      };
    } finally {
      await server.stop();
    }
  },
});

export const syncScenarios: Scenario[] = [
  { ...editing("S1", "1 document × 20 editors × 2 edits/s, cursors on", ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    { rooms: 1, clientsPerRoom: 20, shards: 1, editsPerSecond: 2, awarenessHz: 2 }, "p50 ≤ 3 ms, p99 ≤ 20 ms",
    (m) => Number(m["p50 ms"]) <= 3 && Number(m["p99 ms"]) <= 20), smoke: true },
  editing("S2", "1 document × 100 editors × 1 edit/s", ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    { rooms: 1, clientsPerRoom: 100, shards: 1, editsPerSecond: 1, awarenessHz: 0 }, "p99 ≤ 50 ms; CPU/delivery ≤ 1.5 × relay",
    (m) => Number(m["p99 ms"]) <= 50),
  editing("S3", "100 documents × 5 editors × 1 edit/s + cursors", ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"],
    { rooms: 100, clientsPerRoom: 5, shards: 1, editsPerSecond: 1, awarenessHz: 1 }, "p99 ≤ 30 ms",
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
    smoke: true,
    headline: "ack p95 ms", target: "save-ack p95 ≤ 100 ms; nothing acknowledged lost; storage never blocks the loop > 20 ms",
    pass: (m) => Number(m["ack p95 ms"]) <= 100 && m["acknowledged lost"] === 0 && Number(m["server loop p99 max ms"]) <= 20,
    run: async (kind) => {
      let server = await startServer(kind);
      const durationMs = dur(120_000, 5000, 2000);
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
];
