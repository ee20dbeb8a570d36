import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Decoder } from "lib0/decoding";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { encodeEventMessage } from "../../lib/events/wire.ts";
import { CLOSE, MESSAGE_SAMRAD, readSamradMessage } from "../../lib/realtime/protocol.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, buildUser, FACTORY_PASSWORD, storedDocState, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { authoriseAtIdp, finishAtApp, logoutAtIdp, startTestIdp } from "../support/oidc-provider.ts";
import { freePort, startServer, type RunningServer } from "../support/server-process.ts";
import { until, yClient, type YClient } from "../support/yjs-client.ts";

// Two real instances (A and B) on one SQLite file and one Redis, joined only by the Redis event
// bus: what a command does through A reaches B's sockets and streams. A prefix and instance ids of
// this run's own keep parallel runs on the same Redis apart.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const run = randomBytes(5).toString("hex");
const PREFIX = `samrad-it-${run}:`;
const CHANNEL = `${PREFIX}events`;
const FORUM = "ostfold";

let a: RunningServer;
let b: RunningServer;
let db: Db;
let redis: Redis;
let admin: TestClient;
let leader: TestClient;
let groupId: string;
let forumId: string;
const open: YClient[] = [];

/** Starts one instance and waits until its bridge is subscribed. */
async function instance(name: "a" | "b"): Promise<RunningServer> {
  const server = await startServer(
    "two-instances",
    {
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      INSTANCE_ID: `it-${run}-${name}`,
      // Quiet background jobs, as for the shared integration server.
      VERSION_QUIET_MS: String(7 * 24 * 3600_000),
      DOCUMENT_DIGEST_TICK_MS: String(24 * 3600_000),
    },
    // B opens the file A migrated and seeded (A is ready first, so nothing races).
    { keepDatabase: name === "b" },
  );
  await until(() => server.output().includes(`Redis events: instance it-${run}-${name} is subscribed`), `instance ${name} subscribed`);
  return server;
}

beforeAll(async () => {
  a = await instance("a");
  b = await instance("b");
  expect(b.dbUrl).toBe(a.dbUrl);
  expect(b.output()).not.toContain("Loaded the demo forum");
  db = testDb(a.dbUrl);
  redis = new Redis(REDIS_URL);
  const forum = await db.forum.findUniqueOrThrow({ where: { slug: FORUM }, select: { id: true } });
  forumId = forum.id;
  groupId = (await db.group.findFirstOrThrow({ where: { forumId, name: "Kompetansegruppe inkludering" }, select: { id: true } })).id;
  admin = await signedIn(a.url, "admin@samrad.example", DEMO_PASSWORD);
  leader = await signedIn(a.url, "prosjektleder@samrad.example", DEMO_PASSWORD);
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await b?.stop();
  await a?.stop();
  await redis?.quit();
  await db?.$disconnect();
});

/** A stock y-websocket client on `server`, with the time of every close and the access modes it was told. */
function client(server: RunningServer, room: string, cookie: string) {
  const c = yClient(server.url, room, { cookie });
  open.push(c);
  const closedAt: number[] = [];
  c.provider.on("connection-close", () => closedAt.push(performance.now()));
  const modes: string[] = [];
  const handlers = c.provider.messageHandlers as unknown as Array<(e: unknown, d: Decoder) => void>;
  handlers[MESSAGE_SAMRAD] = (_e, d) => {
    const m = readSamradMessage(d);
    if (m?.kind === "access") modes.push(m.mode);
  };
  return { ...c, closedAt, modes };
}

/** A Server-Sent Events stream and what has arrived on it. */
async function openStream(who: TestClient, server: RunningServer) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/forums/${FORUM}/events?topics=needs`, { headers: { cookie: who.cookieHeader(), "x-forwarded-for": who.ip }, signal: controller.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => null);
      if (!chunk || chunk.done) return;
      text += decoder.decode(chunk.value, { stream: true });
    }
  })();
  return { text: () => text, close: () => controller.abort() };
}

/** An action of the group through A's API, linked to a need so that its status counts for coverage. */
async function linkedAction(title: string) {
  const leader = await db.user.findUniqueOrThrow({ where: { email: "prosjektleder@samrad.example" }, select: { id: true } });
  const need = await db.need.create({ data: { forumId, groupId, title: `Behov ${title}`, field: "Sveiser", period: "2032", demand: 3, supply: 1, unit: "PERSONS", createdById: leader.id } });
  const action = await db.actionItem.create({ data: { forumId, groupId, title, status: "OPEN", createdById: leader.id } });
  await db.needLink.create({ data: { needId: need.id, actionItemId: action.id, createdById: leader.id } });
  return action.id;
}

/** Sets an action's status through A's API, as the project leader. */
async function setStatusThroughA(actionId: string, status: string) {
  const url = `/api/forums/${FORUM}/actions/${actionId}`;
  const { item } = await (await leader.fetch(url)).json();
  const res = await leader.json(url, "PATCH", { status, version: item.version });
  expect(res.status).toBe(200);
}

const statusOn = (c: YClient, actionId: string) => (c.doc.getMap("items").get(actionId) as { status?: string } | undefined)?.status;

/** B's subscriber connection to Redis, by the name the bridge gives it. */
async function subscriberIdOf(instanceId: string): Promise<string> {
  const lines = String(await redis.client("LIST")).split("\n");
  const ids = lines.filter((l) => l.includes(` name=samrad:${instanceId}:events `)).map((l) => /\bid=(\d+)/.exec(l)![1]!);
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

describe("two instances on one Redis event bus", () => {
  it("removing a member through A closes their document socket on B within 1 s (4000: access changed; back read-only)", async () => {
    const user = await buildUser(db, forumId, { groupIds: [groupId] });
    const member = await signedIn(a.url, user.email, FACTORY_PASSWORD);
    const { id } = await buildDocument(db, groupId);
    const onB = client(b, `document.${id}`, member.cookieHeader());
    await until(() => onB.provider.synced && onB.modes.at(-1) === "write", "connected to B with write access");

    const res = await admin.fetch(`/api/forums/${FORUM}/groups/${groupId}/members/${user.id}`, { method: "DELETE" });
    const answeredAt = performance.now();
    expect(res.status).toBe(200);
    await until(() => onB.closedAt.length > 0, "B closed the socket", 5_000);
    const ms = onB.closedAt[0]! - answeredAt;
    console.log(`member removed through A: socket on B closed ${ms.toFixed(0)} ms after the API answered`);
    expect(ms).toBeLessThan(1000);
    expect(onB.closeCodes[0]).toBe(CLOSE.accessChanged);
    await until(() => onB.modes.at(-1) === "read", "reconnected to B read-only");
  });

  it("a session ended through A (password reset) closes the user's socket on B for good (4402)", async () => {
    const user = await buildUser(db, forumId, { groupIds: [groupId] });
    const member = await signedIn(a.url, user.email, FACTORY_PASSWORD);
    const { id } = await buildDocument(db, groupId);
    const onB = client(b, `document.${id}`, member.cookieHeader());
    await until(() => onB.provider.synced, "connected to B");
    // The administrator resets the password (every session of the user ends) through A.
    const res = await admin.json(`/api/forums/${FORUM}/users/${user.id}/password-reset`, "POST", {});
    expect(res.status).toBe(200);
    await until(() => onB.closeCodes.includes(CLOSE.sessionEnded), "closed with 4402", 1_000);
  });

  it("a board change through A reaches B's board room and an event stream on B", async () => {
    const actionId = await linkedAction(`Tiltak ${run}`);
    const member = await signedIn(a.url, "inkludering2@samrad.example", DEMO_PASSWORD);
    const board = client(b, `board.${groupId}`, member.cookieHeader());
    await until(() => board.provider.synced && statusOn(board, actionId) === "OPEN", "board on B synced");
    const stream = await openStream(member, b);
    try {
      await until(() => stream.text().includes(": open"), "stream on B open");
      await setStatusThroughA(actionId, "IN_PROGRESS");
      await until(() => statusOn(board, actionId) === "IN_PROGRESS", "B's board room has the new status", 2_000);
      await until(() => stream.text().includes(`event: change\ndata: {"topic":"needs"}`), "B's stream told of the change", 2_000);
    } finally {
      stream.close();
    }
  });

  it("malformed messages on the channel change nothing, and both instances keep working", async () => {
    const user = await buildUser(db, forumId, { groupIds: [groupId] });
    const member = await signedIn(a.url, user.email, FACTORY_PASSWORD);
    const colleague = await buildUser(db, forumId, { groupIds: [groupId] });
    const { id } = await buildDocument(db, groupId);
    const onB = client(b, `document.${id}`, member.cookieHeader());
    const onA = client(a, `document.${id}`, (await signedIn(a.url, colleague.email, FACTORY_PASSWORD)).cookieHeader());
    await until(() => onA.provider.synced && onB.provider.synced, "connected to both");
    const actionId = await linkedAction(`Tiltak ${run} 2`);
    // B's board room may be loaded already: it learns of the new row only from the next board.changed.
    const board = client(b, `board.${groupId}`, member.cookieHeader());
    await until(() => board.provider.synced, "board on B synced");

    const malformed = [
      "",
      "{not json",
      "null",
      JSON.stringify({ from: "elsewhere" }),
      // Revocations of this very user, malformed: nobody may act on them.
      JSON.stringify({ from: "elsewhere", event: { type: "session.revoked", userId: 12 } }),
      JSON.stringify({ from: "elsewhere", event: { type: "session.revoked" } }),
      JSON.stringify({ from: "elsewhere", event: { type: "access.changed", forumId: [forumId], userId: user.id } }),
      JSON.stringify({ from: "elsewhere", event: { type: "session.revoked", userId: user.id, extra: "x" } }),
      JSON.stringify({ from: "elsewhere", event: { type: "document.appended", documentId: id, update: "@@not base64@@", updateId: 1 } }),
      JSON.stringify({ from: "elsewhere", event: { type: "board.changed", groupId: { $ne: null } } }),
      JSON.stringify({ from: "elsewhere", event: { type: "unheard.of" } }),
      JSON.stringify({ from: 7, event: { type: "mail.queued" } }),
      "x".repeat(100_000),
    ];
    for (const message of malformed) await redis.publish(CHANNEL, message);
    // A valid revocation that claims to come from B is B's own: B ignores it (A would act on it).
    await redis.publish(CHANNEL, encodeEventMessage(`it-${run}-b`, { type: "session.revoked", userId: user.id }));

    // What follows on the bus still arrives (Redis keeps order: B has read everything above by then).
    await setStatusThroughA(actionId, "IN_PROGRESS");
    await until(() => statusOn(board, actionId) === "IN_PROGRESS", "a later change still reaches B", 2_000);
    expect(onB.closeCodes).toEqual([]);
    expect(onA.closeCodes).toEqual([]);
    expect(b.output()).toContain("Redis events: dropped a malformed message");
    // Both still store edits and serve pages. (Edits between instances are not the event bus's: #16 step 10.)
    onA.doc.getText("a").insert(0, "fortsatt i live på A");
    onB.doc.getText("b").insert(0, "fortsatt i live på B");
    await until(async () => {
      const stored = new Y.Doc();
      for (const u of await storedDocState(db, id)) Y.applyUpdate(stored, u);
      return stored.getText("a").toString() === "fortsatt i live på A" && stored.getText("b").toString() === "fortsatt i live på B";
    }, "both edits stored");
    for (const server of [a, b]) {
      const page = await fetch(`${server.url}/f/${FORUM}`, { headers: { cookie: member.cookieHeader(), "x-forwarded-for": member.ip }, redirect: "manual" });
      expect(page.status).toBe(200);
    }
    expect(a.process.exitCode).toBeNull();
    expect(b.process.exitCode).toBeNull();
  });

  it("after its subscriber connection is killed, B subscribes again, rechecks every socket and events flow again", async () => {
    // A revocation B never hears of: the session version moves on in the database, with no event.
    const user = await buildUser(db, forumId, { groupIds: [groupId] });
    const member = await signedIn(a.url, user.email, FACTORY_PASSWORD);
    const { id } = await buildDocument(db, groupId);
    const onB = client(b, `document.${id}`, member.cookieHeader());
    await until(() => onB.provider.synced, "connected to B");
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const before = b.output().split("subscribed again").length;

    await redis.client("KILL", "ID", await subscriberIdOf(`it-${run}-b`));
    await until(() => b.output().split("subscribed again").length > before, "B subscribed again", 5_000);
    // The recheck after the reconnect found the ended session at once, long before the 30 s sweep.
    await until(() => onB.closeCodes.includes(CLOSE.sessionEnded), "B closed the ended session after reconnecting", 5_000);

    const actionId = await linkedAction(`Tiltak ${run} 3`);
    const other = await signedIn(a.url, "inkludering2@samrad.example", DEMO_PASSWORD);
    const board = client(b, `board.${groupId}`, other.cookieHeader());
    await until(() => board.provider.synced, "board on B synced");
    await setStatusThroughA(actionId, "IN_PROGRESS");
    await until(() => statusOn(board, actionId) === "IN_PROGRESS", "events flow again", 2_000);
  });
});

describe("back-channel logout across instances", () => {
  const SLUG = `idp-${run}`;
  let capture: Server;
  const tokens: string[] = [];

  afterAll(async () => {
    capture?.closeAllConnections();
    await new Promise((r) => (capture ? capture.close(r) : r(undefined)));
  });

  it("a logout token accepted by A is refused as replayed by B (one jti claim in Redis for both)", async () => {
    // The provider posts its logout tokens here; they are kept and handed on to A unchanged.
    const port = await freePort();
    capture = createServer((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        const token = new URLSearchParams(body).get("logout_token");
        if (token) tokens.push(token);
        void fetch(`${a.url}/api/oidc/${SLUG}/backchannel-logout`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }).then(async (answer) => {
          res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
        });
      });
    });
    await new Promise<void>((r) => capture.listen(port, "127.0.0.1", r));
    const idp = await startTestIdp(a.url, SLUG, { backchannelLogoutUri: `http://127.0.0.1:${port}/` });
    try {
      const created = await admin.json(`/api/forums/${FORUM}/identity-providers`, "POST", {
        displayName: "Testfylket", slug: SLUG, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, allowedDomains: "testfylke.no",
      });
      expect(created.status).toBe(201);
      const login = `person-${run}`;
      idp.accounts.set(login, { email: `utlogging-${run}@testfylke.no`, email_verified: true });
      const app = new TestClient(a.url);
      const browserAtIdp = new TestClient(idp.issuer);
      await finishAtApp(app, await authoriseAtIdp(app, browserAtIdp, SLUG, login));
      expect(app.hasSession()).toBe(true);

      await logoutAtIdp(browserAtIdp);
      expect(idp.backchannel.errors).toEqual([]);
      expect(tokens).toHaveLength(1);
      const jti = JSON.parse(Buffer.from(tokens[0]!.split(".")[1]!, "base64url").toString()).jti as string;
      const ttl = await redis.pttl(`${PREFIX}jti:${jti}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10 * 60_000);

      // The same token, replayed at the other instance within its lifetime.
      const replayed = await fetch(`${b.url}/api/oidc/${SLUG}/backchannel-logout`, {
        method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ logout_token: tokens[0]! }),
      });
      expect(replayed.status).toBe(400);
      expect((await replayed.json()).error_description).toBe("logout_token refused: replayed");
    } finally {
      await idp.stop();
    }
  });
});
