import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, storedDocState, testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { covers, prng, trackSaved, until, websocketWithHeaders, type YClient } from "../support/yjs-client.ts";

// Live document rooms across two real instances (A and B) on one database and one Redis (#16 step
// 10): stock y-websocket clients on either instance edit the same document. A prefix and instance
// ids of this run's own keep parallel runs on the same Redis apart.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const run = randomBytes(5).toString("hex");
const PREFIX = `samrad-it-${run}:`;

let a: RunningServer;
let b: RunningServer;
let db: Db;
let redis: Redis;
let groupId: string;
/** Session cookies of three members of the group (signed in through A; sessions hold on both). */
let cookies: string[];
const NAMES = ["Sara Lund", "Jonas Dahl"];
const open: Client[] = [];

async function instance(name: "a" | "b"): Promise<RunningServer> {
  return startServer(
    "two-instances-rooms",
    {
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      INSTANCE_ID: `it-${run}-${name}`,
      VERSION_QUIET_MS: String(7 * 24 * 3600_000),
      DOCUMENT_DIGEST_TICK_MS: String(24 * 3600_000),
      // B frees a room soon after its last client leaves, so that a later client makes it load again.
      ...(name === "b" ? { COLLAB_IDLE_UNLOAD_MS: "100" } : {}),
    },
    // B opens the file A migrated and seeded.
    { keepDatabase: name === "b" },
  );
}

beforeAll(async () => {
  a = await instance("a");
  b = await instance("b");
  expect(b.dbUrl).toBe(a.dbUrl);
  db = testDb(a.dbUrl);
  redis = new Redis(REDIS_URL);
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe livslang læring" }, select: { id: true } })).id;
  cookies = [];
  for (const email of ["livslang1@samrad.example", "livslang2@samrad.example", "prosjektleder@samrad.example"]) {
    cookies.push((await signedIn(a.url, email, DEMO_PASSWORD)).cookieHeader());
  }
}, 120_000);

afterAll(async () => {
  for (const c of open) c.provider.destroy();
  for (const [name, server] of [["A", a], ["B", b]] as const) {
    const lines = server?.output().split("\n").filter((l) => /relay|storing \d+ update/i.test(l)) ?? [];
    console.log(`${name}'s relay log:\n${lines.slice(0, 40).join("\n")}`);
  }
  await b?.stop();
  await a?.stop();
  const keys = await redis?.keys(`${PREFIX}*`);
  if (keys?.length) await redis.del(...keys);
  await redis?.quit();
  await db?.$disconnect();
});

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** A stock y-websocket client for `doc` on `server` (a new provider for the same doc moves it to another instance). */
function connect(server: RunningServer, documentId: string, cookie: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(server.url.replace(/^http/, "ws") + "/collab", `document.${documentId}`, doc, {
    WebSocketPolyfill: websocketWithHeaders({ cookie, origin: server.url }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const client = { doc, provider };
  open.push(client);
  return client;
}

/** Moves a client to another instance: the old socket goes, the doc (with anything unsent) stays. */
function move(client: Client, server: RunningServer, documentId: string, cookie: string): Client {
  client.provider.destroy();
  return connect(server, documentId, cookie, client.doc);
}

const text = (c: Client) => c.doc.getText("t").toString();
const synced = (cs: Client[]) => cs.every((c) => c.provider.synced);

async function storedDoc(documentId: string) {
  const doc = new Y.Doc();
  for (const u of await storedDocState(db, documentId)) Y.applyUpdate(doc, u);
  return doc;
}

/** A few random inserts and deletes in a client's text. */
function randomEdits(c: Client, rnd: ReturnType<typeof prng>, n: number, tag: string) {
  const t = c.doc.getText("t");
  for (let k = 0; k < n; k++) {
    if (t.length > 5 && rnd.next() < 0.3) t.delete(rnd.int(t.length), 1 + rnd.int(Math.min(4, t.length - 1)));
    else t.insert(rnd.int(t.length + 1), `${tag}${k} `);
  }
}

describe("document rooms across two instances", () => {
  it("clients on A and on B converge under random concurrent edits, and after moving to the other instance", async () => {
    const { id } = await buildDocument(db, groupId);
    const clients = [connect(a, id, cookies[0]!), connect(a, id, cookies[1]!), connect(b, id, cookies[1]!), connect(b, id, cookies[2]!)];
    await until(() => synced(clients), "clients synced");
    const rnd = prng(0x5a3d);
    const converged = () => new Set(clients.map(text)).size === 1 && text(clients[0]!).length > 0;
    for (let round = 0; round < 6; round++) {
      // Edits in several turns, interleaved across clients, with no waiting for each other.
      for (let step = 0; step < 5; step++) {
        clients.forEach((c, i) => randomEdits(c, rnd, 1 + rnd.int(4), `r${round}c${i}s${step}-`));
        await new Promise((r) => setTimeout(r, rnd.int(15)));
      }
      await until(converged, `round ${round}: clients converge`, 5_000);
    }

    // A client on A disconnects, edits offline, and reconnects to B; one on B moves to A meanwhile.
    clients[0]!.provider.disconnect();
    randomEdits(clients[0]!, rnd, 5, "offline-");
    clients[2]!.doc.getText("t").insert(0, "B before the move ");
    clients[0] = move(clients[0]!, b, id, cookies[0]!);
    clients[3] = move(clients[3]!, a, id, cookies[2]!);
    clients.forEach((c, i) => randomEdits(c, rnd, 3, `after-move-c${i}-`));
    await until(() => synced(clients) && converged(), "clients converge after moving", 10_000);
    expect(text(clients[0]!)).toContain("offline-");
    // Each instance stored what its own sockets sent: together, the database holds the whole text.
    await until(async () => (await storedDoc(id)).getText("t").toString() === text(clients[0]!), "everything stored", 10_000);
  });

  it("a client joining on B sees the edits made on A, also when it joins while A's client types", async () => {
    const { id } = await buildDocument(db, groupId);
    const writer = connect(a, id, cookies[0]!);
    await until(() => writer.provider.synced, "writer synced");
    writer.doc.getText("t").insert(0, "written on A before B opened the room. ");
    // B has not opened the room: it loads it from the database and the retained stream.
    const first = connect(b, id, cookies[1]!);
    await until(() => first.provider.synced && text(first) === text(writer), "B's client has A's text", 5_000);
    first.provider.destroy();
    // B frees the room once nobody is in it; each client below makes B load it again, from the
    // database and the retained stream, while A's client keeps typing (stored by A as it goes).
    const typed: string[] = [];
    let n = 0;
    const typing = setInterval(() => {
      const token = `w${n++}`;
      typed.push(token);
      writer.doc.getArray<string>("typed").push([token]);
    }, 5);
    try {
      for (let k = 0; k < 4; k++) {
        await new Promise((r) => setTimeout(r, 300));
        const late = connect(b, id, cookies[1 + (k % 2)]!);
        await until(() => late.provider.synced, `late client ${k} synced`);
        const want = typed.length;
        // A gap (an update missed between B's database read and its stream reading) would stall the array for good.
        const seen = () => late.doc.getArray<string>("typed").toArray();
        await until(() => seen().length >= want, `late client ${k} has every token typed before it synced`, 5_000);
        expect(seen()).toEqual(typed.slice(0, seen().length));
        late.provider.destroy();
      }
    } finally {
      clearInterval(typing);
    }
  });

  it("presence set on A is seen on B with the session's name (not the forged one), and removed when the client leaves", async () => {
    const { id } = await buildDocument(db, groupId);
    const onA = connect(a, id, cookies[0]!);
    await until(() => onA.provider.synced, "A synced");
    onA.provider.awareness.setLocalState({ user: { name: "Forfalsket Navn", id: "not-me", color: "#ff0000" }, cursor: { anchor: 1, head: 3 } });
    // B opens the room after the state was set: it asks, and A answers.
    const onB = connect(b, id, cookies[1]!);
    const stateOnB = () => onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { name?: string; color?: string }; cursor?: { head?: number } } | undefined;
    await until(() => stateOnB()?.cursor?.head === 3, "B's client sees A's cursor", 5_000);
    expect(stateOnB()!.user!.name).toBe(NAMES[0]);
    expect(stateOnB()!.user!.color).toBe("#ff0000");
    onA.provider.awareness.setLocalStateField("cursor", { anchor: 2, head: 7 });
    await until(() => stateOnB()?.cursor?.head === 7, "B's client sees A's cursor move", 5_000);
    expect(stateOnB()!.user!.name).toBe(NAMES[0]);
    // And back: B's client is seen on A under its own session's name.
    onB.provider.awareness.setLocalState({ user: { name: "Sara Lund" } });
    await until(() => (onA.provider.awareness.getStates().get(onB.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name === NAMES[1], "A sees B's client as Jonas");
    onA.provider.destroy();
    await until(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), "B's client sees A's client leave", 5_000);
  });

  it("malformed stream and presence entries change nothing, and relaying continues", async () => {
    const { id } = await buildDocument(db, groupId);
    const onA = connect(a, id, cookies[0]!);
    const onB = connect(b, id, cookies[1]!);
    await until(() => synced([onA, onB]), "synced");
    onA.doc.getText("t").insert(0, "før ");
    await until(() => text(onB) === "før ", "first edit relayed");
    const key = `${PREFIX}doc:${id}`;
    const other = new Y.Doc();
    other.getText("t").insert(0, "x");
    const valid = Buffer.from(Y.encodeStateAsUpdate(other));
    const entries: string[][] = [
      ["o", "elsewhere"],
      ["k", "u", "q", "1", "d", valid.toString("latin1")],
      ["o", "elsewhere", "k", "u", "q", "1", "d", "@@not a yjs update@@"],
      ["o", "elsewhere", "k", "u", "q", "1", "d", ""],
      ["o", "elsewhere", "k", "u", "q", "-1", "d", "x"],
      ["o", "elsewhere", "k", "u", "q", "nine"],
      ["o", "elsewhere", "k", "z", "q", "1"],
      ["o", "elsewhere", "k", "s", "q", "1e9"],
      ["o", "x".repeat(300), "k", "s", "q", "1"],
      ["garbage", "only"],
    ];
    for (const fields of entries) await redis.xadd(key, "*", ...fields);
    await redis.publish(`${PREFIX}aw:${id}`, "not a presence message");
    await redis.publish(`${PREFIX}aw:${id}`, Buffer.from([5, 1, 2, 3]));
    onA.doc.getText("t").insert(4, "etter");
    onB.doc.getText("t").insert(0, "B: ");
    await until(() => text(onB) === "B: før etter" && text(onA) === "B: før etter", "edits after the malformed entries are relayed both ways", 5_000);
    for (const server of [a, b]) {
      expect(server.output()).toContain("Redis relay: dropped a malformed entry");
      expect(server.process.exitCode).toBeNull();
    }
    expect(b.output()).toContain("Redis relay: dropped a malformed presence message");
  });

  it("when B's reader was away long enough for entries to be trimmed, B catches up from the database", async () => {
    const { id } = await buildDocument(db, groupId);
    const onA = connect(a, id, cookies[0]!);
    const onB = connect(b, id, cookies[1]!);
    await until(() => synced([onA, onB]), "synced");
    onA.doc.getText("t").insert(0, "før. ");
    await until(() => text(onB) === "før. ", "first edit relayed");
    // B's background writes after that edit (the search index) are done: B holds no database lock while stopped.
    await new Promise((r) => setTimeout(r, 1500));
    // B is stopped (SIGSTOP) and its reader connection killed meanwhile: A's edit enters the stream
    // and is trimmed away before B can read it.
    const readerName = `name=samrad:it-${run}-b:relay-reader `;
    process.kill(b.process.pid!, "SIGSTOP");
    try {
      const ids = String(await redis.client("LIST")).split("\n").filter((l) => l.includes(readerName)).map((l) => /\bid=(\d+)/.exec(l)![1]!);
      expect(ids).toHaveLength(1);
      await redis.client("KILL", "ID", ids[0]!);
      onA.doc.getText("t").insert(5, "under. ");
      await until(async () => (await storedDoc(id)).getText("t").toString() === "før. under. ", "A stored the edit");
      await until(async () => (await redis.xlen(`${PREFIX}doc:${id}`)) > 0, "A's entries are in the stream");
      await redis.xtrim(`${PREFIX}doc:${id}`, "MAXLEN", 0);
      expect(text(onB)).toBe("før. ");
    } finally {
      process.kill(b.process.pid!, "SIGCONT");
    }
    await until(() => text(onB) === "før. under. ", "B caught up from the database", 5_000);
    expect(b.output()).toContain("rooms catch up from the database");
    onB.doc.getText("t").insert(0, "B: ");
    await until(() => text(onA) === "B: før. under. ", "relaying goes on");
  });

  it("SIGKILL of A while its clients type: every edit acknowledged before the kill is on B, and the clients converge there", async () => {
    const { id } = await buildDocument(db, groupId);
    const onA = [connect(a, id, cookies[0]!), connect(a, id, cookies[1]!)];
    const onB = connect(b, id, cookies[2]!);
    await until(() => synced([...onA, onB]), "synced");
    // What A said is saved to its clients, and what B said to its own (B must never count what A relayed before A stored it).
    const saved = [...onA, onB].map((c) => trackSaved(c as unknown as YClient));
    const typed: string[] = [];
    let n = 0;
    const typing = setInterval(() => {
      [...onA, onB].forEach((c, i) => {
        const token = `k${i}-${n}`;
        typed.push(token);
        c.doc.getArray<string>("typed").push([token]);
      });
      n += 1;
    }, 10);
    const acknowledged = new Map<number, number>();
    try {
      await new Promise((r) => setTimeout(r, 1200));
      for (const s of saved) for (const [client, clock] of s.latest()) acknowledged.set(client, Math.max(acknowledged.get(client) ?? 0, clock));
      await a.kill();
      // At once (before B could store anything of A's), the database holds everything either instance acknowledged.
      const stored = Y.decodeStateVector(Y.encodeStateVector(await storedDoc(id)));
      expect(covers(stored, acknowledged), "everything acknowledged is in the database").toBe(true);
      // The clients notice and go on typing offline; then they reconnect, to B.
      await new Promise((r) => setTimeout(r, 300));
      const moved = onA.map((c, i) => move(c, b, id, cookies[i]!));
      onA.splice(0, 2, ...moved);
      await until(() => synced(onA), "A's clients reconnected to B", 10_000);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      clearInterval(typing);
    }
    expect([...acknowledged.keys()]).toEqual(expect.arrayContaining(onA.map((c) => c.doc.clientID)));

    // B serves everything A acknowledged: a fresh client on B gets all of it.
    const fresh = connect(b, id, cookies[0]!);
    await until(() => fresh.provider.synced, "fresh client synced");
    expect(covers(Y.decodeStateVector(Y.encodeStateVector(fresh.doc)), acknowledged)).toBe(true);
    // Nothing lost, nothing duplicated, everywhere.
    const all = [...onA, onB, fresh];
    const tokens = () => all.map((c) => c.doc.getArray<string>("typed").toArray().join());
    await until(() => new Set(tokens()).size === 1 && fresh.doc.getArray("typed").length === typed.length, "clients converge on B", 10_000);
    expect([...fresh.doc.getArray<string>("typed").toArray()].sort()).toEqual([...typed].sort());
    // And the database ends up with all of it (B stores what the clients hand it and what A relayed but never stored).
    await until(async () => (await storedDoc(id)).getArray("typed").length === typed.length, "everything stored", 10_000);
  });
});
