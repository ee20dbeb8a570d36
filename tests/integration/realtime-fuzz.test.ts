import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { prng, until, yClient, type YClient } from "../support/yjs-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let cookie: string;
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  cookie = (await signedIn(baseUrl, "inkludering1@samrad.example", DEMO_PASSWORD)).cookieHeader();
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await db.$disconnect();
});

/** Frames that are wrong in different ways: random bytes, known types with garbage, bad lengths, huge. */
function badFrame(rnd: ReturnType<typeof prng>): { kind: number; frame: Uint8Array } {
  const kind = rnd.int(6);
  return { kind, frame: frameOfKind(kind, rnd) };
}

function frameOfKind(kind: number, rnd: ReturnType<typeof prng>): Uint8Array {
  const random = (n: number) => Uint8Array.from({ length: n }, () => rnd.int(256));
  const e = encoding.createEncoder();
  switch (kind) {
    case 0:
      return random(1 + rnd.int(64));
    case 1: // sync update with a garbage update
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, random(1 + rnd.int(200)));
      return encoding.toUint8Array(e);
    case 2: // a length far beyond the frame
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1_000_000_000);
      return encoding.toUint8Array(e);
    case 3: // awareness with garbage
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, random(1 + rnd.int(100)));
      return encoding.toUint8Array(e);
    case 4: // unknown message type
      encoding.writeVarUint(e, 7 + rnd.int(90));
      return encoding.toUint8Array(e);
    default: // over the 1 MiB frame limit
      return new Uint8Array(1024 * 1024 + 16);
  }
}

describe("malformed frames", () => {
  it("1,000 bad frames close only the offending sockets; a well-behaved client keeps editing", async () => {
    const rnd = prng(Number(process.env.SAMRAD_FUZZ_SEED ?? 4242));
    const { id } = await buildDocument(db, (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } })).id);
    const room = `document.${id}`;
    const writer = yClient(baseUrl, room, { cookie });
    const reader = yClient(baseUrl, room, { cookie });
    open.push(writer, reader);
    await until(() => writer.provider.synced && reader.provider.synced, "good clients synced");

    const closeCodes = new Map<number, number>();
    const survivedByKind = new Map<number, number>();
    let sent = 0;
    let round = 0;
    while (sent < 1000) {
      const ws = new WebSocket(`${baseUrl.replace("http", "ws")}/collab/${room}`, { headers: { origin: baseUrl, cookie } });
      ws.on("error", () => undefined);
      // The server speaks first once the socket is authorised (sync step 1).
      await new Promise((r) => ws.once("message", r));
      let closedWith: number | null = null;
      const closed = new Promise<number>((r) => ws.once("close", (code) => r((closedWith = code))));
      while (closedWith === null && sent < 1000) {
        const { kind, frame } = badFrame(rnd);
        ws.send(frame);
        sent += 1;
        await Promise.race([closed, new Promise((r) => setTimeout(r, 40))]);
        if (closedWith === null) survivedByKind.set(kind, (survivedByKind.get(kind) ?? 0) + 1);
      }
      if (closedWith === null) ws.close();
      const code = await closed;
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
      // The good client edits between attacks, and its edit reaches the other good client.
      const expected = `r${round} `;
      writer.doc.getText("t").insert(0, expected);
      await until(() => reader.doc.getText("t").toString().startsWith(expected), `round ${round} edit propagated`);
      round += 1;
    }
    console.log("close codes:", Object.fromEntries(closeCodes), "frames that did not close their socket, by kind:", Object.fromEntries(survivedByKind));

    expect(sent).toBe(1000);
    expect(closeCodes.get(4400) ?? 0).toBeGreaterThan(500);
    expect(closeCodes.get(1009) ?? 0).toBeGreaterThan(50);
    expect(writer.closeCodes).toEqual([]);
    expect(reader.closeCodes).toEqual([]);
    // The process is still serving pages.
    expect((await fetch(`${baseUrl}/login`)).status).toBe(200);
  });
});
