// S9: replays a real editing trace (bench/traces/automerge-paper.json.gz, Martin Kleppmann's
// automerge-perf trace from the josephg/editing-traces collection, CC BY 4.0) through a sync server
// with stock clients: one writing into a Y.Text "t", `watchers` watching.
//
// Pace ("as fast as the server keeps up"): the writer applies the trace in order, one Yjs
// transaction (so one update message) per trace transaction, and keeps at most `window` trace
// transactions in flight; a transaction stops being in flight when every watcher holds the
// writer's characters up to it (the writer's clock in the watcher's state vector). Deletions move
// no clock, so a trailing run of deletions counts as delivered with the insert before it.
// End to end: from the first transaction applied to the moment every watcher's text equals the
// expected text (the trace's endContent, or for a prefix the same prefix applied to a local Y.Text).
//
// mode "open": one stock client joins and syncs (the cold open after a restart); its text is checked.
// Prints one RESULT line (JSON) on stdout.
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { connect, type Protocol } from "./clients.ts";

export interface TraceConfig {
  mode: "replay" | "open";
  protocol: Protocol;
  url: string;
  headers: Record<string, string>;
  room: string;
  tracePath: string;
  /** How many of the trace's transactions to replay (all when ≥ the trace's length). */
  txns: number;
  watchers: number;
  window: number;
  /** Give up after this long (ms); the result then says exact: false. */
  timeoutMs: number;
}

type Patch = [position: number, deleteCount: number, inserted: string];
interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: Patch[] }[];
}

const config = JSON.parse(process.env.TRACE_CONFIG!) as TraceConfig;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = (line: string) => process.stdout.write(line + "\n");

const trace = JSON.parse(gunzipSync(readFileSync(config.tracePath)).toString("utf8")) as Trace;
if (trace.startContent !== "") throw new Error("the trace is expected to start from an empty text");
const count = Math.min(config.txns, trace.txns.length);
const txns = trace.txns.slice(0, count);

function applyTxn(text: Y.Text, txn: { patches: Patch[] }) {
  for (const [position, deleteCount, inserted] of txn.patches) {
    if (deleteCount > 0) text.delete(position, deleteCount);
    if (inserted) text.insert(position, inserted);
  }
}

/** The text the watchers must end with: the trace's own for the whole trace, else the prefix applied locally. */
function expectedText(): string {
  if (count === trace.txns.length) return trace.endContent;
  const doc = new Y.Doc();
  const text = doc.getText("t");
  for (const txn of txns) doc.transact(() => applyTxn(text, txn));
  const s = text.toString();
  doc.destroy();
  return s;
}

const expected = expectedText();

async function open() {
  const started = now();
  const client = connect(config.protocol, config.url, config.room, config.headers);
  const timer = setTimeout(() => {
    out(`RESULT ${JSON.stringify({ error: "the cold open did not sync" })}`);
    process.exit(1);
  }, config.timeoutMs);
  await client.synced;
  const syncedMs = now() - started;
  clearTimeout(timer);
  const text = client.doc.getText("t").toString();
  out(`RESULT ${JSON.stringify({ syncedMs, textLength: text.length, exact: text === expected })}`);
  client.destroy();
}

async function replay() {
  const writer = connect(config.protocol, config.url, config.room, config.headers);
  const watchers = Array.from({ length: config.watchers }, () => connect(config.protocol, config.url, config.room, config.headers));
  await Promise.all([writer.synced, ...watchers.map((w) => w.synced)]);
  if (writer.doc.getText("t").length !== 0) throw new Error("the room is not empty");
  const writerId = writer.doc.clientID;
  const text = writer.doc.getText("t");

  let wake: (() => void) | null = null;
  const changed = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const w of watchers) w.doc.on("update", changed);
  const nextChange = () => new Promise<void>((resolve) => (wake = resolve));

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const wallStart = Date.now();
  const t0 = now();
  const deadline = t0 + config.timeoutMs;
  /** The writer's clock after each transaction. */
  const clockAfter = new Array<number>(count);
  let sent = 0;
  let delivered = 0;
  let maxInFlight = 0;
  const minWatcherClock = () => Math.min(...watchers.map((w) => Y.getState(w.doc.store, writerId)));
  const advance = () => {
    const clock = minWatcherClock();
    while (delivered < sent && clockAfter[delivered]! <= clock) delivered += 1;
  };
  let timedOut = false;
  while (sent < count) {
    if (now() > deadline) {
      timedOut = true;
      break;
    }
    advance();
    if (sent - delivered >= config.window) {
      await Promise.race([nextChange(), new Promise((r) => setTimeout(r, 1000))]);
      continue;
    }
    const until = Math.min(count, delivered + config.window);
    while (sent < until) {
      writer.doc.transact(() => applyTxn(text, txns[sent]!));
      clockAfter[sent] = Y.getState(writer.doc.store, writerId);
      sent += 1;
    }
    maxInFlight = Math.max(maxInFlight, sent - delivered);
    // Let the sockets write and read before the next batch.
    await new Promise((r) => setImmediate(r));
  }
  const writtenMs = now() - t0;
  // Every watcher holds the whole text: its length first (cheap), then the text itself.
  const done = () => watchers.every((w) => w.doc.getText("t").length === expected.length);
  while (!timedOut && !done() && now() < deadline) await Promise.race([nextChange(), new Promise((r) => setTimeout(r, 200))]);
  const endMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  const texts = watchers.map((w) => w.doc.getText("t").toString());
  const exact = !timedOut && texts.every((t) => t === expected) && text.toString() === expected;
  out(
    `RESULT ${JSON.stringify({
      txns: count, wallStart, wallEnd: Date.now(), writtenMs, endMs, editsPerSecond: (count / endMs) * 1000, exact, timedOut,
      watchersExact: texts.filter((t) => t === expected).length, textLength: expected.length, maxInFlight,
      loadCpuShare: (cpu.user + cpu.system) / 1000 / endMs, loadLoopP99: loop.percentile(99) / 1e6,
    })}`,
  );
  writer.destroy();
  for (const w of watchers) w.destroy();
}

if (config.mode === "open") await open();
else await replay();
process.exit(0);
