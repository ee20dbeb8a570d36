import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { signedIn } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
const port = Number(new URL(baseUrl).port);

/** A raw request whose Host header we choose (fetch would not let us). */
function rawRequest(opts: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; upgraded: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: opts.method, path: opts.path, headers: opts.headers });
    req.on("response", (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, upgraded: false });
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 101, upgraded: true });
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

describe("Origin check against APP_URL, not the Host header", () => {
  const forged = [
    { origin: "http://evil.example:3400", host: "evil.example:3400" },
    { origin: `https://localhost:${port}`, host: `localhost:${port}` },
    { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` },
  ];

  it("refuses a mutation whose Origin only matches a forged Host (403)", async () => {
    const client = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
    for (const { origin, host } of forged) {
      const res = await rawRequest({
        method: "PATCH", path: "/api/account",
        headers: { host, origin, cookie: client.cookieHeader(), "content-type": "application/json", "x-forwarded-for": client.ip },
        body: JSON.stringify({ locale: "nb" }),
      });
      expect(res.status, origin).toBe(403);
    }
    // Our own origin still passes.
    const ok = await rawRequest({
      method: "PATCH", path: "/api/account",
      headers: { host: `localhost:${port}`, origin: baseUrl, cookie: client.cookieHeader(), "content-type": "application/json", "x-forwarded-for": client.ip },
      body: JSON.stringify({ locale: "nb" }),
    });
    expect(ok.status).toBe(200);
  });

  it("refuses a websocket upgrade whose Origin only matches a forged Host", async () => {
    const client = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
    const upgrade = { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", cookie: client.cookieHeader() };
    for (const { origin, host } of forged) {
      const res = await rawRequest({ method: "GET", path: "/collab/board.nothing", headers: { ...upgrade, host, origin } });
      expect(res.upgraded, origin).toBe(false);
      expect(res.status, origin).toBe(403);
    }
  });
});
