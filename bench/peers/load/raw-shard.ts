// The cheap load generator of the editing scenarios (S1–S3): every editor is a raw `ws` socket
// speaking the stock protocol (y-websocket, or Hocuspocus's), sending update frames encoded before
// the run (the send time written into each frame as it leaves) and recognising delivered edits by
// the (client, clock) of their struct: latency = receive time − the send time in the frame, on the
// machine's monotonic clock; deliveries and duplicates are counted, never applied. One stock client
// per room (in the shard that owns the room) keeps a real Y.Doc, for the convergence check.
// Same stdio protocol and RESULT line as shard.ts, so the orchestrator treats both alike.
import { createHash, randomInt } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import hdr from "hdr-histogram-js";
import WebSocket from "ws";
import * as Y from "yjs";
import { connect, type BenchClient } from "./clients.ts";
import { awarenessFrame, editFrames, emptyStep2Frame, framePrefix, handshakeFrames, readFrame, stamp, type EditFrame } from "./frames.ts";
import type { ShardConfig } from "./shard.ts";

export interface RawShardConfig extends ShardConfig {
  /** The rooms whose real Y.Doc (one stock client, editing nothing) this shard keeps. */
  verifyRooms: string[];
  /** The bare relay answers nobody's sync step 1: a client is "synced" when its socket opens. */
  relay: boolean;
  /**
   * Several instances of one server (S10): client k connects to urls[k % urls.length], and a delivery
   * between clients of different instances counts in `cross` instead of `latency`.
   */
  urls?: string[];
}

const config = JSON.parse(process.env.SHARD_CONFIG!) as RawShardConfig;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
const latency = histogram(); // microseconds
const cross = histogram(); // microseconds, deliveries from a client of another instance
/** The instance each of this shard's clients is connected to (by its Yjs client id). */
const instanceOf = new Map<number, number>();
const joins = histogram();
const acks = histogram();
const out = (line: string) => process.stdout.write(line + "\n");

interface RawClient {
  room: string;
  ws: WebSocket;
  clientID: number;
  prefix: Uint8Array;
  frames: EditFrame[];
  sent: number;
  received: number;
  duplicates: number;
  /** The highest clock seen from each other client. */
  last: Map<number, number>;
  awarenessClock: number;
  /** Answers sync step 1. On the relay only one client per room does: every step 1 reaches every socket there, and every answer too. */
  answers: boolean;
  /** Which of config.urls it is connected to (0 with one server). */
  instance: number;
}

interface Verifier {
  room: string;
  client: BenchClient;
  received: number;
  duplicates: number;
  seen: Set<string>;
}

const raws: RawClient[] = [];
const verifiers: Verifier[] = [];
let lastRemote = now();
let phase: "join" | "run" | "settle" = "join";
// Enough frames for the run at its rate, with room for timer drift.
const framesPerClient = Math.ceil((config.durationMs / 1000) * config.editsPerSecond * 1.2) + 5;

function onMessage(r: RawClient, data: Buffer, synced: () => void) {
  const at = now();
  const incoming = readFrame(config.protocol, data);
  if (incoming.kind === "step1") {
    if (r.answers) r.ws.send(emptyStep2Frame(r.prefix));
  }
  else if (incoming.kind === "step2") synced();
  else if (incoming.kind === "update") {
    lastRemote = at;
    for (const edit of incoming.edits) {
      if (edit.client === r.clientID) continue;
      const last = r.last.get(edit.client) ?? -1;
      if (edit.clock <= last) {
        r.duplicates += 1;
        continue;
      }
      r.last.set(edit.client, edit.clock);
      r.received += 1;
      if (edit.sentAt !== undefined && phase === "run") {
        const other = (instanceOf.get(edit.client) ?? r.instance) !== r.instance;
        (other ? cross : latency).recordValue(Math.max(1, Math.round((at - edit.sentAt) * 1000)));
      }
    }
  }
}

function openRaw(room: string, k: number, answers: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const started = now();
    const instance = config.urls ? k % config.urls.length : 0;
    const base = config.urls?.[instance] ?? config.url;
    const url = config.protocol === "hocuspocus" ? base : `${base}/${room}`;
    // Each instance checks the Origin against its own address.
    const headers = config.urls && config.headers.origin ? { ...config.headers, origin: new URL(base).origin.replace(/^ws/, "http") } : config.headers;
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.binaryType = "nodebuffer";
    const clientID = randomInt(1, 2 ** 31);
    instanceOf.set(clientID, instance);
    const prefix = framePrefix(config.protocol, room);
    const r: RawClient = { room, ws, clientID, prefix, frames: editFrames(prefix, clientID, `${config.shard}-${k}`, framesPerClient), sent: 0, received: 0, duplicates: 0, last: new Map(), awarenessClock: 0, answers, instance };
    let done = false;
    const synced = () => {
      if (done) return;
      done = true;
      joins.recordValue(Math.max(1, Math.round((now() - started) * 1000)));
      resolve();
    };
    ws.on("message", (data: Buffer) => onMessage(r, data, synced));
    ws.on("open", () => {
      for (const f of handshakeFrames(config.protocol, prefix)) ws.send(f);
      if (config.relay) synced();
    });
    ws.on("error", (error) => !done && reject(error));
    ws.on("close", (code) => !done && reject(new Error(`socket closed (${code}) before it synced`)));
    raws.push(r);
  });
}

async function join() {
  const total = config.rooms.length * config.clientsPerRoom;
  const all: Promise<void>[] = [];
  let i = 0;
  for (const room of config.rooms) {
    for (let c = 0; c < config.clientsPerRoom; c++) {
      const delay = total > 1 ? (config.joinSpreadMs * i) / (total - 1) : 0;
      const k = i;
      i += 1;
      all.push(new Promise<void>((resolve, reject) => setTimeout(() => openRaw(room, k, !config.relay || c === 0).then(resolve, reject), delay)));
    }
  }
  await Promise.all(all);
  // The verifiers join last, so that on the relay the raw clients are there to answer their sync step 1.
  await Promise.all(
    config.verifyRooms.map((room) => {
      const v: Verifier = { room, client: connect(config.protocol, config.url, room, config.headers), received: 0, duplicates: 0, seen: new Set() };
      const map = v.client.doc.getMap<number>("e");
      map.observe((event) => {
        if (event.transaction.local) return;
        lastRemote = now();
        for (const key of event.keysChanged) {
          if (v.seen.has(key)) v.duplicates += 1;
          v.seen.add(key);
          v.received += 1;
        }
      });
      verifiers.push(v);
      return v.client.synced;
    }),
  );
}

async function run() {
  phase = "run";
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = now();
  const timers: NodeJS.Timeout[] = [];
  for (const r of raws) {
    if (config.editsPerSecond > 0) {
      const every = 1000 / config.editsPerSecond;
      timers.push(
        setTimeout(() => {
          timers.push(
            setInterval(() => {
              const f = r.frames[r.sent];
              if (!f || r.ws.readyState !== WebSocket.OPEN) return;
              r.ws.send(stamp(f, now()));
              r.sent += 1;
            }, every),
          );
        }, Math.random() * every),
      );
    }
    if (config.awarenessHz > 0) {
      timers.push(
        setInterval(() => {
          if (r.ws.readyState !== WebSocket.OPEN) return;
          r.awarenessClock += 1;
          r.ws.send(awarenessFrame(r.prefix, r.clientID, r.awarenessClock, randomInt(1000)));
        }, 1000 / config.awarenessHz),
      );
    }
  }
  await new Promise((resolve) => setTimeout(resolve, config.durationMs));
  for (const timer of timers) clearInterval(timer);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = now() - t0;
  loop.disable();
  phase = "settle";
  // Let deliveries finish: quiet for 0.5 s (at most 15 s).
  const deadline = now() + 15_000;
  while (now() < deadline && now() - lastRemote <= 500) await new Promise((resolve) => setTimeout(resolve, 100));
  return { cpuShare: (cpu.user + cpu.system) / 1000 / wallMs, loopP99: loop.percentile(99) / 1e6 };
}

/** Every replica's fingerprint is its state vector: a raw client's is its own sent count plus the last clock seen from each other client. */
function fingerprint(sv: Map<number, number>) {
  const entries = [...sv].filter(([, clock]) => clock > 0).sort((a, b) => a[0] - b[0]);
  return { hash: createHash("sha1").update(entries.map(([c, n]) => `${c}:${n}`).join("\n")).digest("hex").slice(0, 16), sv: Object.fromEntries(entries) };
}

const lines = createInterface({ input: process.stdin });
const waitFor = (word: string) => new Promise<void>((resolve) => lines.on("line", (l) => l.trim() === word && resolve()));

await join();
out(`READY ${JSON.stringify({ clients: raws.length + verifiers.length })}`);
await waitFor("GO");
const self = await run();
if (process.env.BENCH_DEBUG) for (const r of raws) process.stderr.write(`client ${r.clientID} instance ${r.instance} sent ${r.sent} received ${r.received} dup ${r.duplicates} from ${r.last.size} peers (${[...r.last.keys()].filter((c) => instanceOf.get(c) === r.instance).length} same, ${[...r.last.keys()].filter((c) => !instanceOf.has(c)).length} unknown) open ${r.ws.readyState}\n`);
out(
  `RESULT ${JSON.stringify({
    shard: config.shard,
    self,
    latency: latency.encodeIntoCompressedBase64(),
    cross: cross.encodeIntoCompressedBase64(),
    joins: joins.encodeIntoCompressedBase64(),
    acks: acks.encodeIntoCompressedBase64(),
    clients: [
      ...raws.map((r) => {
        const sv = new Map([...r.last].map(([c, clock]) => [c, clock + 1]));
        sv.set(r.clientID, r.sent);
        return { room: r.room, sent: r.sent, received: r.received, duplicates: r.duplicates, clientID: r.clientID, ackedClock: 0, unacked: 0, size: r.sent + r.received, textLength: 0, ...fingerprint(sv) };
      }),
      ...verifiers.map((v) => ({
        room: v.room, sent: 0, received: v.received, duplicates: v.duplicates, clientID: v.client.doc.clientID, ackedClock: 0, unacked: 0,
        size: v.client.doc.getMap("e").size, textLength: 0, ...fingerprint(Y.decodeStateVector(Y.encodeStateVector(v.client.doc))),
      })),
    ],
  })}`,
);
for (const r of raws) r.ws.terminate();
for (const v of verifiers) v.client.destroy();
process.exit(0);
