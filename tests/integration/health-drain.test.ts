import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { covers, textOf, trackSaved, until, yClient, type YClient } from "../support/yjs-client.ts";

// A server of its own: this test stops it with SIGTERM and starts it again on the same database.
const DRAIN_DELAY_MS = 3000;
let server: RunningServer;
let db: Db;
const open: YClient[] = [];

beforeAll(async () => {
  server = await startServer("health-drain", { DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) });
  db = testDb(server.dbUrl);
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
  await db?.$disconnect();
});

const auditHeadLines = () => (existsSync(server.database.headFile) ? readFileSync(server.database.headFile, "utf8").trim().split("\n").length : 0);

/** Tries a websocket upgrade with a session; resolves with the HTTP status of a refusal, or "open". */
function tryUpgrade(url: string, cookie: string): Promise<number | "open"> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie, origin: server.url } });
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", reject);
  });
}

describe("health and readiness", () => {
  it("GET /api/health: 200 {status:'ok'}, never cached, no cookie set, for anyone", async () => {
    const variants: Record<string, string>[] = [{}, { cookie: "__Secure-next-auth.session-token=garbage; next-auth.session-token=garbage" }];
    for (const headers of variants) {
      const res = await fetch(`${server.url}/api/health`, { headers, redirect: "manual" });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
      expect(res.headers.get("cache-control")).toMatch(/no-store/);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it("GET /api/ready: 200 with the database check passing, never cached, no cookie set, for anyone", async () => {
    const variants: Record<string, string>[] = [{}, { cookie: "next-auth.session-token=garbage" }];
    for (const headers of variants) {
      const res = await fetch(`${server.url}/api/ready`, { headers, redirect: "manual" });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; failing: string[]; checks: Record<string, { ok: boolean }> };
      expect(body).toEqual({ status: "ready", failing: [], checks: { draining: { ok: true }, database: { ok: true } } });
      expect(res.headers.get("cache-control")).toMatch(/no-store/);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it("HEAD answers like GET without a body; other methods are 405 (no sign-in, no origin check involved)", async () => {
    for (const path of ["/api/health", "/api/ready"]) {
      const head = await fetch(server.url + path, { method: "HEAD" });
      expect(head.status, `HEAD ${path}`).toBe(200);
      expect(await head.text()).toBe("");
      for (const method of ["POST", "PUT", "DELETE"]) {
        const res = await fetch(server.url + path, { method, headers: { origin: "https://evil.example" } });
        expect(res.status, `${method} ${path}`).toBe(405);
      }
    }
  });
});

describe("graceful drain on SIGTERM", () => {
  it("answers ready 503 (draining) and refuses new websockets during DRAIN_DELAY_MS, stores the room, closes with 1012, exits 0, and the edits are there after a restart", async () => {
    const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe livslang læring" } });
    const { id } = await buildDocument(db, group.id);
    const cookie = (await signedIn(server.url, "livslang1@samrad.example", DEMO_PASSWORD)).cookieHeader();
    const room = `document.${id}`;
    const client = yClient(server.url, room, { cookie });
    open.push(client);
    const saved = trackSaved(client);
    await until(() => client.provider.synced, "client synced");

    client.doc.getText("t").insert(0, "saved before the drain");
    const mine = () => new Map([[client.doc.clientID, client.doc.getText("t").length]]);
    await until(() => covers(saved.latest(), mine()), "the edit was saved");
    const headsBefore = auditHeadLines();

    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      server.process.once("exit", (code, signal) => resolve({ code, signal })),
    );
    const sentAt = Date.now();
    process.kill(server.process.pid!, "SIGTERM");

    // The drain window: readiness says 503 and names the check; liveness still answers; the open
    // socket keeps working (an edit typed now is stored by the drain); new websockets are refused.
    let ready: Response;
    do ready = await fetch(`${server.url}/api/ready`);
    while (ready.status === 200 && Date.now() - sentAt < DRAIN_DELAY_MS);
    expect(Date.now() - sentAt, "readiness turned 503 within the drain window").toBeLessThan(DRAIN_DELAY_MS);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("cache-control")).toMatch(/no-store/);
    const body = (await ready.json()) as { status: string; failing: string[]; checks: Record<string, { ok: boolean; reason?: string }> };
    expect(body.status).toBe("unavailable");
    expect(body.failing).toEqual(["draining"]);
    expect(body.checks.draining).toEqual({ ok: false, reason: "draining" });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await tryUpgrade(`${server.url.replace(/^http/, "ws")}/collab/${room}`, cookie)).toBe(503);
    client.doc.getText("t").insert(client.doc.getText("t").length, " and during it");
    expect(client.closeCodes).toEqual([]);
    expect(Date.now() - sentAt, "the checks above ran inside the drain window").toBeLessThan(DRAIN_DELAY_MS);

    await until(() => client.closeCodes.length > 0, "the server closed the socket", 15_000);
    expect(client.closeCodes[0]).toBe(1012);
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/SIGTERM: stopped/);
    expect(auditHeadLines(), "final audit heads written").toBeGreaterThan(headsBefore);
    client.destroy();

    // The same database, started again: both edits are there (the second was stored by the drain).
    server = await startServer("health-drain", {}, { port: server.port, keepDatabase: true });
    const again = yClient(server.url, room, { cookie });
    open.push(again);
    await until(() => again.provider.synced, "reconnected client synced");
    expect(textOf(again.doc)).toBe("saved before the drain and during it");
  });
});
