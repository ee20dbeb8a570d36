// CPU per page, measured where 50-connection latency on a busy 2-core machine cannot be: starts our
// server on a copy of the bench template, requests a page N times one after another (after 40
// unmeasured ones) and divides the server process's CPU time (/proc, user + system) by N. Under a
// closed-loop load of C connections on one core, p95 latency is about C × this figure.
//   npx tsx bench/tools/page-cpu.ts            the S8 group page, as the leader
//   URL_PATH=/login NOCOOKIE=1 npx tsx bench/tools/page-cpu.ts
//   N=400 BENCH_PROFILE=/tmp/prof npx tsx bench/tools/page-cpu.ts   (with a --cpu-prof of the server)
//   ACTIONS=1000 URL_PATH=/f/ostfold/actions npx tsx bench/tools/page-cpu.ts   (a forum grown as in W1)
import { readFileSync } from "node:fs";
import { createDb } from "../../lib/db/client.ts";
import { cookie, prepareTemplate, roomId, startServer } from "../harness.ts";
import { grownForum } from "../scenarios/growth.ts";

const N = Number(process.env.N ?? 200);
await prepareTemplate();
const dbFile = process.env.ACTIONS ? (await grownForum(Number(process.env.ACTIONS))).dbFile : undefined;
const server = await startServer("ours", { dbFile });
/** The server's CPU time in ms (clock ticks at 100 Hz; taskset execs node, so the pid is the server's). */
const cpu = () => {
  const f = readFileSync(`/proc/${server.proc.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
};
try {
  const db = createDb(`file:${server.dbFile}`);
  const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE", documents: { none: { id: roomId(0) } } } });
  await db.$disconnect();
  const url = `http://127.0.0.1:${server.port}${process.env.URL_PATH ?? `/f/ostfold/groups/${group.id}`}`;
  // As autocannon asks: no compression.
  const headers = { ...(process.env.NOCOOKIE ? {} : { cookie }), ...(process.env.GZIP ? {} : { "accept-encoding": "identity" }) };
  let bytes = 0;
  for (let i = 0; i < 40; i++) {
    const r = await fetch(url, { headers });
    bytes = (await r.arrayBuffer()).byteLength;
    if (r.status !== 200) throw new Error(`${url}: status ${r.status}`);
  }
  const c0 = cpu();
  const walls: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await (await fetch(url, { headers })).arrayBuffer();
    walls.push(performance.now() - t);
  }
  const perPage = (cpu() - c0) / N;
  walls.sort((a, b) => a - b);
  console.log(JSON.stringify({ url: url.replace(/^http:\/\/[^/]+/, ""), bytes, cpuMsPerPage: Number(perPage.toFixed(1)), wallP50: Number(walls[N >> 1]!.toFixed(1)) }));
} finally {
  await server.stop();
}
