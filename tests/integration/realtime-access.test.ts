import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { MESSAGE_AWARENESS } from "../../lib/realtime/protocol.ts";
import { textOf, until, yClient, type YClient } from "../support/yjs-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let room: string;
let documentId: string;
const cookies: Record<string, string> = {};
const open: YClient[] = [];
const client = (...args: Parameters<typeof yClient>) => {
  const c = yClient(...args);
  open.push(c);
  return c;
};

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } });
  const doc = await db.document.findFirstOrThrow({ where: { groupId: group.id, kind: "NOTE" } });
  documentId = doc.id;
  room = `document.${doc.id}`;
  const other = await buildOtherForum(db);
  for (const [key, email, password] of [
    ["member", "relevant2@samrad.example", DEMO_PASSWORD],
    ["leader", "prosjektleder@samrad.example", DEMO_PASSWORD],
    ["steering", "styring2@samrad.example", DEMO_PASSWORD],
    ["outsider", other.admin.email, FACTORY_PASSWORD],
  ] as const) {
    cookies[key] = (await signedIn(baseUrl, email, password)).cookieHeader();
  }
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await db.$disconnect();
});

describe("authorisation at upgrade", () => {
  it("closes a socket without a session with 4401", async () => {
    const c = client(baseUrl, room);
    await until(() => c.closeCodes.includes(4401), "close 4401");
    expect(c.provider.shouldConnect).toBe(false);
  });

  it("closes a user of another forum with 4403", async () => {
    const c = client(baseUrl, room, { cookie: cookies.outsider });
    await until(() => c.closeCodes.includes(4403), "close 4403");
  });

  it("refuses a foreign Origin before the upgrade (HTTP 403)", async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${baseUrl.replace("http", "ws")}/collab/${room}`, { headers: { origin: "https://evil.example", cookie: cookies.member! } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => undefined);
    });
    expect(status).toBe(403);
  });

  it.each(["/collab/not-a-room", "/collab/document.x", "/elsewhere"])("answers 404 for %s", async (path) => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${baseUrl.replace("http", "ws")}${path}`, { headers: { origin: baseUrl, cookie: cookies.member! } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => undefined);
    });
    expect(status).toBe(404);
  });
});

describe("read-only connections", () => {
  it("a steering member reads live, but their edits reach nobody and are never stored", async () => {
    const writer = client(baseUrl, room, { cookie: cookies.member });
    const reader = client(baseUrl, room, { cookie: cookies.steering });
    const watcher = client(baseUrl, room, { cookie: cookies.leader });
    await until(() => writer.provider.synced && reader.provider.synced && watcher.provider.synced, "all synced");

    writer.doc.getText("t").insert(0, "skrevet av medlem ");
    await until(() => textOf(reader.doc).includes("skrevet av medlem") && textOf(watcher.doc).includes("skrevet av medlem"), "reader sees writer");

    reader.doc.getText("t").insert(0, "FORBUDT ");
    await new Promise((r) => setTimeout(r, 500));
    expect(textOf(writer.doc)).not.toContain("FORBUDT");
    expect(textOf(watcher.doc)).not.toContain("FORBUDT");

    // Stored state: load the snapshot and the log the way the server does, and look for the text.
    const stored = new Y.Doc();
    const row = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { state: true } });
    if (row.state) Y.applyUpdate(stored, row.state);
    for (const u of await db.documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" } })) Y.applyUpdate(stored, u.data);
    expect(stored.getText("t").toString()).toContain("skrevet av medlem");
    expect(stored.getText("t").toString()).not.toContain("FORBUDT");
  });
});

describe("presence", () => {
  /** A raw awareness frame: entries of [client id, clock, state] (the y-protocols encoding). */
  function awarenessFrame(entries: [number, number, unknown][]): Uint8Array {
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, entries.length);
    for (const [clientId, clock, state] of entries) {
      encoding.writeVarUint(body, clientId);
      encoding.writeVarUint(body, clock);
      encoding.writeVarString(body, JSON.stringify(state));
    }
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(body));
    return encoding.toUint8Array(e);
  }

  it("the server stamps the signed-in user on presence; entries under others' or unused client ids are dropped", async () => {
    const [member, steering] = await Promise.all(
      ["relevant2@samrad.example", "styring2@samrad.example"].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } })),
    );
    const writer = client(baseUrl, room, { cookie: cookies.member });
    writer.provider.awareness.setLocalStateField("user", { name: member!.name, color: "#0b5a6b" });
    const reader = client(baseUrl, room, { cookie: cookies.steering });
    await until(() => writer.provider.synced && reader.provider.synced, "both synced");

    // The reader claims to be someone else, and forges entries for the writer's id and an unused one.
    const forged = { user: { name: "Astrid Berg (admin)", id: member!.id, color: "#a4161a" } };
    reader.provider.awareness.setLocalStateField("user", forged.user);
    const unused = 4242424242 === reader.doc.clientID ? 4242424241 : 4242424242;
    await until(() => reader.provider.ws?.readyState === WebSocket.OPEN, "reader socket open");
    reader.provider.ws!.send(awarenessFrame([[writer.doc.clientID, 1000, forged], [unused, 1, forged]]));
    await until(() => writer.provider.awareness.getStates().has(reader.doc.clientID), "writer sees the reader");
    await new Promise((r) => setTimeout(r, 500));

    const states = writer.provider.awareness.getStates() as Map<number, { user?: { name?: string; id?: string } }>;
    expect([...states.keys()].sort()).toEqual([writer.doc.clientID, reader.doc.clientID].sort());
    expect(states.get(reader.doc.clientID)?.user).toMatchObject({ name: steering!.name, id: steering!.id });
    expect(states.get(writer.doc.clientID)?.user?.name).toBe(member!.name);
  });
});
