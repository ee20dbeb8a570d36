// One load-generator process: many stock clients, edits at a fixed rate, latency per delivered
// edit (receive time minus send time on the machine's monotonic clock), delivery counts and a
// fingerprint of every replica for the convergence check. Talks to the orchestrator on stdio.
import { createHash } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import hdr from "hdr-histogram-js";
import * as Y from "yjs";
import { connect, type BenchClient, type Protocol } from "./clients.ts";

export interface ShardConfig {
  shard: number;
  protocol: Protocol;
  url: string;
  headers: Record<string, string>;
  rooms: string[];
  clientsPerRoom: number;
  editsPerSecond: number;
  awarenessHz: number;
  durationMs: number;
  /** Spread of the connection starts (join storm), ms. */
  joinSpreadMs: number;
  trackSaved: boolean;
  /** verify: connect, sync, report what each room holds (after a crash). */
  mode: "run" | "verify";
}

const config = JSON.parse(process.env.SHARD_CONFIG!) as ShardConfig;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
const latency = histogram(); // microseconds
const joins = histogram();
const acks = histogram();
const out = (line: string) => process.stdout.write(line + "\n");

interface Tracked {
  room: string;
  client: BenchClient;
  sent: number;
  received: number;
  duplicates: number;
  seen: Set<string>;
  pendingAcks: { clock: number; t: number }[];
  ackedClock: number;
}

const tracked: Tracked[] = [];
let lastRemote = now();

async function join() {
  const all: Promise<void>[] = [];
  let i = 0;
  const total = config.rooms.length * config.clientsPerRoom;
  for (const room of config.rooms) {
    for (let c = 0; c < config.clientsPerRoom; c++) {
      const delay = total > 1 ? (config.joinSpreadMs * i) / (total - 1) : 0;
      i += 1;
      all.push(
        new Promise<void>((resolve) =>
          setTimeout(() => {
            const started = now();
            const t: Tracked = { room, client: null as unknown as BenchClient, sent: 0, received: 0, duplicates: 0, seen: new Set(), pendingAcks: [], ackedClock: 0 };
            t.client = connect(config.protocol, config.url, room, config.headers, config.trackSaved ? (sv) => onSaved(t, sv) : undefined);
            const map = t.client.doc.getMap<number>("e");
            map.observe((event) => {
              if (event.transaction.local) return;
              const at = now();
              lastRemote = at;
              for (const key of event.keysChanged) {
                const sentAt = map.get(key);
                if (t.seen.has(key)) t.duplicates += 1;
                t.seen.add(key);
                t.received += 1;
                if (typeof sentAt === "number" && phase === "run") latency.recordValue(Math.max(1, Math.round((at - sentAt) * 1000)));
              }
            });
            tracked.push(t);
            void t.client.synced.then(() => {
              joins.recordValue(Math.max(1, Math.round((now() - started) * 1000)));
              resolve();
            });
          }, delay),
        ),
      );
    }
  }
  await Promise.all(all);
}

function onSaved(t: Tracked, sv: Map<number, number>) {
  const clock = sv.get(t.client.doc.clientID) ?? 0;
  const at = now();
  while (t.pendingAcks.length && t.pendingAcks[0]!.clock <= clock) {
    acks.recordValue(Math.max(1, Math.round((at - t.pendingAcks.shift()!.t) * 1000)));
  }
  t.ackedClock = Math.max(t.ackedClock, clock);
}

let phase: "join" | "run" | "settle" = "join";

async function run() {
  phase = "run";
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = now();
  const timers: NodeJS.Timeout[] = [];
  for (const [k, t] of tracked.entries()) {
    const map = t.client.doc.getMap<number>("e");
    if (config.editsPerSecond > 0) {
      const every = 1000 / config.editsPerSecond;
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            const sentAt = now();
            map.set(`${config.shard}-${k}-${t.sent}`, sentAt);
            t.sent += 1;
            if (config.trackSaved) t.pendingAcks.push({ clock: Y.getState(t.client.doc.store, t.client.doc.clientID), t: sentAt });
          }, every),
        );
      }, Math.random() * every);
    }
    if (config.awarenessHz > 0) {
      timers.push(setInterval(() => t.client.setCursor(Math.floor(Math.random() * 1000)), 1000 / config.awarenessHz));
    }
  }
  await new Promise((r) => setTimeout(r, config.durationMs));
  for (const timer of timers) clearInterval(timer);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = now() - t0;
  loop.disable();
  phase = "settle";
  // Let deliveries and acknowledgements finish: quiet for 0.5 s (at most 15 s).
  const deadline = now() + 15_000;
  while (now() < deadline) {
    const ackPending = config.trackSaved && tracked.some((t) => t.pendingAcks.length > 0);
    if (now() - lastRemote > 500 && !ackPending) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { cpuShare: (cpu.user + cpu.system) / 1000 / wallMs, loopP99: loop.percentile(99) / 1e6 };
}

function fingerprint(doc: Y.Doc) {
  const keys = [...doc.getMap("e").keys()].sort();
  return { size: keys.length, textLength: doc.getText("t").length, hash: createHash("sha1").update(keys.join("\n")).digest("hex").slice(0, 16), sv: Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))) };
}

const lines = createInterface({ input: process.stdin });
const waitFor = (word: string) => new Promise<void>((resolve) => lines.on("line", (l) => l.trim() === word && resolve()));

await join();
out(`READY ${JSON.stringify({ clients: tracked.length })}`);
const self = config.mode === "run" ? (await waitFor("GO"), await run()) : { cpuShare: 0, loopP99: 0 };
out(
  `RESULT ${JSON.stringify({
    shard: config.shard,
    self,
    latency: latency.encodeIntoCompressedBase64(),
    joins: joins.encodeIntoCompressedBase64(),
    acks: acks.encodeIntoCompressedBase64(),
    clients: tracked.map((t) => ({
      room: t.room, sent: t.sent, received: t.received, duplicates: t.duplicates, clientID: t.client.doc.clientID, ackedClock: t.ackedClock,
      unacked: t.pendingAcks.length, ...fingerprint(t.client.doc),
    })),
  })}`,
);
for (const t of tracked) t.client.destroy();
process.exit(0);
