import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./client-ip.ts";
import { isSameOrigin } from "./origin.ts";
import { safeCallback } from "./safe-callback.ts";

const headers = (h: Record<string, string>) => new Headers(h);

describe("isSameOrigin", () => {
  it("accepts APP_URL's origin only (scheme included), whatever the Host header says", () => {
    expect(isSameOrigin(headers({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://localhost:3000", host: "evil.example" }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://evil.example:3400", host: "evil.example:3400" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "https://localhost:3000", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "not a url", host: "localhost:3000" }))).toBe(false);
  });

  it("without Origin, refuses only what the browser calls cross-site", () => {
    expect(isSameOrigin(headers({}))).toBe(true);
    expect(isSameOrigin(headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});

describe("resolveClientIp", () => {
  it("uses X-Forwarded-For only behind a trusted proxy", () => {
    expect(resolveClientIp("10.0.0.1", "203.0.113.9, 10.0.0.1", true)).toBe("203.0.113.9");
    expect(resolveClientIp("10.0.0.1", "203.0.113.9", false)).toBe("10.0.0.1");
    expect(resolveClientIp(undefined, undefined, false)).toBe("unknown");
  });
});

describe("safeCallback", () => {
  it("follows only same-site paths", () => {
    expect(safeCallback("/f/ostfold")).toBe("/f/ostfold");
    expect(safeCallback("https://evil.example")).toBe("/");
    expect(safeCallback("//evil.example")).toBe("/");
    expect(safeCallback("/\\evil.example")).toBe("/");
    expect(safeCallback(undefined)).toBe("/");
  });
});
