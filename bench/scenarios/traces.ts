// S9: a real editing trace through each server. The trace is automerge-paper (Martin Kleppmann's
// keystroke-by-keystroke trace of writing a LaTeX paper, from the josephg/editing-traces collection),
// licensed CC BY 4.0; see bench/traces/README.md. The replay itself is bench/peers/load/trace-replay.ts.
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { dur, lines, PEERS, pin, roomId, roomName, sleep, SMOKE, startServer, type Measure, type Running, type Scenario, type ServerKind } from "../harness.ts";

const TRACE = path.resolve("bench/traces/automerge-paper.json.gz");
/** The whole trace; quick runs replay its first 20,000 transactions, the smoke run its first 5,000. */
const TXNS = dur(259_778, 20_000, 5_000);
/** Trace transactions the writer may have ahead of the slowest watcher. */
const WINDOW = 1000;
const WATCHERS = 5;
/** Servers that keep documents after a restart: bytes stored and cold open are measured on these. */
const PERSISTENT: ServerKind[] = ["ours", "hocuspocus-sqlite"];

function replay(server: Running, mode: "replay" | "open", timeoutMs: number): Promise<Record<string, number | boolean | string>> {
  const config = {
    mode, protocol: server.kind.startsWith("hocuspocus") ? "hocuspocus" : "y-websocket", url: server.wsUrl, headers: server.headers, room: roomName(0),
    tracePath: TRACE, txns: TXNS, watchers: WATCHERS, window: WINDOW, timeoutMs,
  };
  const full = pin(1, [process.execPath, "--import", "tsx", path.join(PEERS, "load/trace-replay.ts")]);
  const proc = spawn(full[0]!, full.slice(1), { env: { ...process.env, TRACE_CONFIG: JSON.stringify(config) }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let result: Record<string, number | boolean | string> | null = null;
    lines(proc, (line) => {
      if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7));
    });
    proc.once("exit", (code) => (result && !("error" in result) ? resolve(result) : reject(new Error(`trace replay (${mode}) exited with ${code}${result ? `: ${result.error}` : ""}`))));
  });
}

/** What the server keeps of the room on disk: our Document row (snapshot and any log rows), Hocuspocus's documents row. */
function bytesStored(server: Running): number {
  const db = new Database(server.dbFile!, { readonly: true });
  try {
    if (server.kind === "ours") {
      const row = db.prepare("SELECT length(state) AS n FROM Document WHERE id = ?").get(roomId(0)) as { n: number | null };
      const log = db.prepare("SELECT coalesce(sum(length(data)), 0) AS n FROM DocumentUpdate WHERE documentId = ?").get(roomId(0)) as { n: number };
      return (row.n ?? 0) + log.n;
    }
    const row = db.prepare(`SELECT length(data) AS n FROM "documents" WHERE name = ?`).get(roomName(0)) as { n: number } | undefined;
    return row?.n ?? 0;
  } finally {
    db.close();
  }
}

/** The medians of every server's runs so far, for "ahead of every peer" (pass sees only ours). */
const seen = new Map<ServerKind, Measure[]>();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const peerMedian = (kind: ServerKind, key: string) => {
  const xs = (seen.get(kind) ?? []).map((m) => m[key]).filter((x): x is number => typeof x === "number");
  return xs.length ? median(xs) : undefined;
};

export const traceScenarios: Scenario[] = [
  {
    id: "S9",
    title: `Real editing trace: automerge-paper (${TXNS.toLocaleString("en")} of 259,778 transactions; M. Kleppmann, editing-traces, CC BY 4.0), 1 writer, ${WATCHERS} watchers`,
    servers: ["ours", "ref", "hocuspocus", "hocuspocus-sqlite"],
    smoke: true,
    // Lower is better in the table: microseconds per trace transaction, end to end (edits/s alongside).
    headline: "µs/edit",
    target: "ahead of every peer on edits/s and cold open; every watcher's text exactly the trace's",
    pass: (m) => {
      if (m.exact !== true) return false;
      const peers = (["ref", "hocuspocus", "hocuspocus-sqlite"] as ServerKind[]).filter((k) => seen.has(k));
      return peers.every((k) => {
        const rate = peerMedian(k, "edits/s");
        const open = peerMedian(k, "cold open ms");
        return (rate === undefined || Number(m["edits/s"]) > rate) && (open === undefined || Number(m["cold open ms"]) < open);
      });
    },
    run: async (kind) => {
      let server = await startServer(kind);
      let m: Measure;
      try {
        const r = await replay(server, "replay", dur(900_000, 300_000, 60_000));
        const window = server.metrics.filter((x) => x.t >= Number(r.wallStart) && x.t <= Number(r.wallEnd));
        m = {
          "µs/edit": 1e6 / Number(r.editsPerSecond), "edits/s": Number(r.editsPerSecond), exact: r.exact === true, "watchers exact": Number(r.watchersExact),
          txns: Number(r.txns), "text length": Number(r.textLength), "end to end s": Number(r.endMs) / 1000,
          "server CPU s": window.reduce((n, x) => n + x.cpu, 0), "server peak RSS MB": Math.max(0, ...window.map((x) => x.rss)) / 2 ** 20,
          "load CPU": Number(r.loadCpuShare), "max in flight": Number(r.maxInFlight),
        };
      } catch (error) {
        await server.stop();
        throw error;
      }
      if (!PERSISTENT.includes(kind)) {
        await server.stop();
        m["bytes stored"] = "n/a (memory only)";
        m["cold open ms"] = "n/a (memory only)";
      } else {
        // The room unloads: every client has gone (the replay's process has exited); the server stops
        // as it would for a deploy (SIGTERM, so it stores what it holds), then starts again on the same file.
        await sleep(SMOKE ? 500 : 1500);
        await server.stop();
        m["bytes stored"] = bytesStored(server);
        server = await startServer(kind, { dbFile: server.dbFile, port: server.port });
        try {
          await sleep(500);
          const open = await replay(server, "open", 60_000);
          m["cold open ms"] = Number(open.syncedMs);
          m["cold open exact"] = open.exact === true;
          m.exact = m.exact === true && open.exact === true;
        } finally {
          await server.stop();
        }
      }
      seen.set(kind, [...(seen.get(kind) ?? []), m]);
      return m;
    },
  },
];
