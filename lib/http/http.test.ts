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

  it("refuses what browsers turn into another host, after decoding", () => {
    for (const raw of ["/%09/evil.example", "/\t/evil.example", "/%5Cevil.example", "/%2F/evil.example", "/\r\n/x", "/%0d%0aSet-Cookie:x", "http:evil.example", "javascript:alert(1)", "/%E2%80%AE//evil.example", "/%zz", " /x", "/javascript:alert(1)"]) {
      expect(safeCallback(raw, "http://localhost:3000"), raw).toBe("/");
    }
  });

  it("keeps same-origin paths, query and fragment, also from an absolute URL on our origin", () => {
    expect(safeCallback("/f/ostfold?tab=2#x", "http://localhost:3000")).toBe("/f/ostfold?tab=2#x");
    expect(safeCallback("http://localhost:3000/f/ostfold", "http://localhost:3000")).toBe("/f/ostfold");
    expect(safeCallback("http://localhost:3000.evil.example/f", "http://localhost:3000")).toBe("/");
    expect(safeCallback("/s%C3%B8k", "http://localhost:3000")).toBe("/s%C3%B8k");
  });
});
