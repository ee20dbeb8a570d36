import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, storedDocState, testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { covers, prng, trackSaved, until, yClient, type YClient } from "../support/yjs-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
const cookies: string[] = [];
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
  for (const email of ["relevant1@samrad.example", "relevant2@samrad.example", "prosjektleder@samrad.example"]) {
    cookies.push((await signedIn(baseUrl, email, DEMO_PASSWORD)).cookieHeader());
  }
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await db.$disconnect();
});

describe("five stock y-websocket clients with random concurrent edits and disconnects", () => {
  const seed = Number(process.env.SAMRAD_FUZZ_SEED ?? Date.now() % 100_000);

  it(`converge to identical content, with every token exactly once and everything stored (seed ${seed})`, async () => {
    const rnd = prng(seed);
    const { id } = await buildDocument(db, groupId);
    const room = `document.${id}`;
    const clients = Array.from({ length: 5 }, (_, i) => yClient(baseUrl, room, { cookie: cookies[i % cookies.length] }));
    open.push(...clients);
    const saved = clients.map(trackSaved);
    await until(() => clients.every((c) => c.provider.synced), "all clients synced");

    const tokens: string[] = [];
    for (let step = 0; step < 400; step++) {
      const i = rnd.int(clients.length);
      const c = clients[i]!;
      const roll = rnd.next();
      if (roll < 0.06) {
        if (c.provider.wsconnected) c.provider.disconnect();
        else c.provider.connect();
      } else if (roll < 0.75) {
        const text = c.doc.getText("t");
        text.insert(rnd.int(text.length + 1), rnd.pick(["a", "bc", "æøå ", "def", "\n", "Østfold "]));
      } else if (roll < 0.9) {
        const text = c.doc.getText("t");
        if (text.length > 0) {
          const at = rnd.int(text.length);
          text.delete(at, Math.min(1 + rnd.int(4), text.length - at));
        }
      } else {
        const token = `c${i}-s${step}`;
        tokens.push(token);
        c.doc.getArray<string>("tokens").push([token]);
      }
      if (rnd.next() < 0.3) await new Promise((r) => setTimeout(r, rnd.int(15)));
    }

    for (const c of clients) if (!c.provider.wsconnected && !c.provider.wsconnecting) c.provider.connect();
    const contentOf = (c: YClient) => c.doc.getText("t").toString() + "|" + c.doc.getArray("tokens").toArray().join(",");
    await until(() => clients.every((c) => c.provider.synced && contentOf(c) === contentOf(clients[0]!)), "convergence", 20_000);

    const tokensSeen = clients[0]!.doc.getArray<string>("tokens").toArray();
    expect([...tokensSeen].sort()).toEqual([...tokens].sort());

    // Every client is eventually told that everything it holds is stored; the database agrees.
    await until(() => clients.every((c, i) => covers(saved[i]!.latest(), Y.decodeStateVector(Y.encodeStateVector(c.doc)))), "saved acknowledgements", 10_000);
    const stored = new Y.Doc();
    for (const u of await storedDocState(db, id)) Y.applyUpdate(stored, u);
    expect(stored.getText("t").toString()).toBe(clients[0]!.doc.getText("t").toString());
    expect(stored.getArray("tokens").toArray()).toEqual(tokensSeen);
  });
});
