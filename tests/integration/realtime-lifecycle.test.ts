import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, storedDocState, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { until, yClient, type YClient } from "../support/yjs-client.ts";

// A server with small limits and a short idle time, so limits and unloading can be seen quickly.
let server: RunningServer;
let db: Db;
let groupId: string;
let cookie: string;
let admin: TestClient;
const open: YClient[] = [];

beforeAll(async () => {
  server = await startServer("lifecycle", { COLLAB_MAX_DOCUMENT_BYTES: String(256 * 1024), COLLAB_IDLE_UNLOAD_MS: "300" });
  db = testDb(server.dbUrl);
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } })).id;
  cookie = (await signedIn(server.url, "inkludering2@samrad.example", DEMO_PASSWORD)).cookieHeader();
  admin = await signedIn(server.url, "admin@samrad.example", DEMO_PASSWORD);
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
  await db?.$disconnect();
});

function client(room: string) {
  const c = yClient(server.url, room, { cookie });
  open.push(c);
  return c;
}

describe("room lifecycle", () => {
  it("flushes and unloads an idle room: the log is folded into the snapshot and the preview updated", async () => {
    const { id } = await buildDocument(db, groupId, { title: "Tomgang" });
    const c = client(`document.${id}`);
    await until(() => c.provider.synced, "synced");
    // A new document's text starts empty (its title is the page's heading, not part of the text).
    expect(c.doc.getXmlFragment("default").length).toBe(0);
    c.doc.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]);
    (c.doc.getXmlFragment("default").get(0) as Y.XmlElement).insert(0, [new Y.XmlText("Tekst som skal overleve tomgang.")]);
    await until(async () => (await db.documentUpdate.count({ where: { documentId: id } })) > 0, "update logged");
    c.provider.disconnect();
    await until(async () => (await db.documentUpdate.count({ where: { documentId: id } })) === 0, "log compacted", 10_000);
    const row = await db.document.findUniqueOrThrow({ where: { id } });
    expect(row.excerpt).toBe("Tekst som skal overleve tomgang.");
    // Reopening loads the snapshot.
    const again = client(`document.${id}`);
    await until(() => again.provider.synced, "reopened");
    expect(again.doc.getXmlFragment("default").toString()).toContain("Tekst som skal overleve tomgang.");
  });

  it("refuses updates that would take a document past its size limit (4413); nothing of it is stored", async () => {
    const { id } = await buildDocument(db, groupId);
    const c = client(`document.${id}`);
    await until(() => c.provider.synced, "synced");
    c.doc.getText("t").insert(0, "liten ");
    await until(async () => (await storedDocState(db, id)).length > 0, "small edit stored");
    c.doc.getText("t").insert(0, "x".repeat(300 * 1024));
    await until(() => c.closeCodes.includes(4413), "closed with 4413");
    const stored = new Y.Doc();
    for (const u of await storedDocState(db, id)) Y.applyUpdate(stored, u);
    expect(stored.getText("t").toString()).toBe("liten ");
  });

  it("rate-limits awareness: a flood of cursor updates is thinned, the socket stays open", async () => {
    const { id } = await buildDocument(db, groupId);
    const watcher = client(`document.${id}`);
    await until(() => watcher.provider.synced, "watcher synced");
    let seen = 0;
    watcher.provider.awareness.on("update", ({ updated }: { updated: number[] }) => (seen += updated.length));
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/document.${id}`, { headers: { origin: server.url, cookie } });
    await new Promise((r) => ws.once("message", r));
    const flooder = new awarenessProtocol.Awareness(new Y.Doc());
    for (let i = 0; i < 300; i++) {
      flooder.setLocalState({ user: { name: "Flom", color: "#000" }, cursor: i });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(flooder, [flooder.clientID]));
      ws.send(encoding.toUint8Array(e));
    }
    await new Promise((r) => setTimeout(r, 800));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(100);
    ws.close();
  });

  it("disconnects a member removed from the group within 5 s; they come back read-only", async () => {
    const { id } = await buildDocument(db, groupId);
    const c = client(`document.${id}`);
    const modes: string[] = [];
    const handlers = c.provider.messageHandlers as unknown as Array<(e: unknown, d: import("lib0/decoding").Decoder) => void>;
    const { MESSAGE_SAMRAD, readSamradMessage } = await import("../../lib/realtime/protocol.ts");
    handlers[MESSAGE_SAMRAD] = (_e, d) => {
      const m = readSamradMessage(d);
      if (m?.kind === "access") modes.push(m.mode);
    };
    await until(() => c.provider.synced && modes.at(-1) === "write", "connected with write access");
    const user = await db.user.findUniqueOrThrow({ where: { email: "inkludering2@samrad.example" } });
    const removedAt = Date.now();
    expect((await admin.fetch(`/api/forums/ostfold/groups/${groupId}/members/${user.id}`, { method: "DELETE" })).status).toBe(200);
    await until(() => c.closeCodes.length > 0, "disconnected", 5_000);
    expect(Date.now() - removedAt).toBeLessThan(5_000);
    expect(c.closeCodes[0]).toBe(4000);
    await until(() => modes.at(-1) === "read", "reconnected read-only", 5_000);
    // Their edits now go nowhere.
    c.doc.getText("t").insert(0, "etter fjerning");
    await new Promise((r) => setTimeout(r, 300));
    const stored = new Y.Doc();
    for (const u of await storedDocState(db, id)) Y.applyUpdate(stored, u);
    expect(stored.getText("t").toString()).not.toContain("etter fjerning");
  });
});
