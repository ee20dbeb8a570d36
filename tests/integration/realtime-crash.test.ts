import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, storedDocState, testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { covers, trackSaved, until, yClient, type YClient } from "../support/yjs-client.ts";

// A server of its own: this test kills it.
let server: RunningServer;
let db: Db;
const open: YClient[] = [];

beforeAll(async () => {
  server = await startServer("crash");
  db = testDb(server.dbUrl);
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
  await db?.$disconnect();
});

async function storedStateVector(documentId: string) {
  const doc = new Y.Doc();
  for (const u of await storedDocState(db, documentId)) Y.applyUpdate(doc, u);
  return { doc, sv: Y.decodeStateVector(Y.encodeStateVector(doc)) };
}

describe("crash safety", () => {
  it("keeps every edit the server reported saved through five SIGKILLs, and the open clients converge", async () => {
    const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe livslang læring" } });
    const { id } = await buildDocument(db, group.id);
    const cookies = [
      (await signedIn(server.url, "livslang1@samrad.example", DEMO_PASSWORD)).cookieHeader(),
      (await signedIn(server.url, "livslang2@samrad.example", DEMO_PASSWORD)).cookieHeader(),
      (await signedIn(server.url, "prosjektleder@samrad.example", DEMO_PASSWORD)).cookieHeader(),
    ];
    const clients = cookies.map((cookie) => yClient(server.url, `document.${id}`, { cookie }));
    open.push(...clients);
    const saved = clients.map(trackSaved);
    await until(() => clients.every((c) => c.provider.synced), "clients synced");

    const typed: string[] = [];
    let n = 0;
    const typing = setInterval(() => {
      clients.forEach((c, i) => {
        const token = `k${i}-${n}`;
        typed.push(token);
        c.doc.getArray<string>("typed").push([token]);
      });
      n += 1;
    }, 15);

    try {
      for (let round = 1; round <= 5; round++) {
        await new Promise((r) => setTimeout(r, 400 + 100 * round));
        // The newest acknowledgement any client has received just before the crash.
        const acknowledged = new Map<number, number>();
        for (const s of saved) for (const [client, clock] of s.latest()) acknowledged.set(client, Math.max(acknowledged.get(client) ?? 0, clock));
        await server.kill();
        const { sv } = await storedStateVector(id);
        expect(covers(sv, acknowledged), `round ${round}: everything acknowledged is in the database`).toBe(true);
        expect(acknowledged.size).toBeGreaterThan(0);
        server = await startServer("crash", {}, { port: server.port, keepDatabase: true });
        await until(() => clients.every((c) => c.provider.synced), `round ${round}: clients reconnected`, 20_000);
      }
    } finally {
      clearInterval(typing);
    }

    // Nothing lost, nothing duplicated: every token typed by every client, exactly once, everywhere.
    const final = () => clients.map((c) => c.doc.getArray<string>("typed").toArray().join(","));
    await until(() => new Set(final()).size === 1, "clients converge", 20_000);
    const tokens = clients[0]!.doc.getArray<string>("typed").toArray();
    expect(tokens.length).toBe(typed.length);
    expect([...tokens].sort()).toEqual([...typed].sort());
    await until(async () => (await storedStateVector(id)).doc.getArray("typed").length === typed.length, "all stored", 10_000);
  });
});
