import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");

// Each of these must end on our own origin, never on evil.example, and never as a 500.
const HOSTILE_CALLBACKS = [
  "/%09/evil.example", "/\t/evil.example", "/%5Cevil.example", "/\\evil.example", "//evil.example", "/%2F/evil.example",
  "https://evil.example/", "http:evil.example", "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1", "/\r\nLocation: https://evil.example",
  "%2F%2Fevil.example", " //evil.example", "/ /evil.example", "/%E2%80%AE//evil.example", "data:text/html,hi", "\\\\evil.example",
];

/** Where a redirect's Location header leads, resolved against our origin. */
function target(location: string | null): URL {
  return new URL(location ?? "/", baseUrl);
}

describe("callbackUrl after sign-in", () => {
  it("the login page of a signed-in user redirects only to our own origin (never 500)", async () => {
    const client = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
    for (const callback of HOSTILE_CALLBACKS) {
      const res = await client.fetch(`/login?callbackUrl=${encodeURIComponent(callback)}`);
      expect(res.status, callback).toBeLessThan(500);
      if (res.status >= 300 && res.status < 400) {
        const to = target(res.headers.get("location"));
        expect(to.origin, callback).toBe(new URL(baseUrl).origin);
        expect(to.pathname.startsWith("//"), callback).toBe(false);
        expect(to.pathname, callback).not.toMatch(/evil/);
      }
    }
    // A genuine path is kept.
    const ok = await client.fetch(`/login?callbackUrl=${encodeURIComponent("/f/ostfold")}`);
    expect(target(ok.headers.get("location")).pathname).toBe("/f/ostfold");
  });

  it("the login page of an anonymous visitor renders (no 500) and hands the form only the home path", async () => {
    const client = new TestClient(baseUrl);
    for (const callback of HOSTILE_CALLBACKS) {
      const res = await client.fetch(`/login?callbackUrl=${encodeURIComponent(callback)}`);
      expect(res.status, callback).toBe(200);
      // The forms' prop in the page's RSC payload: {"callbackUrl":"/"} (the password form's, and the
      // identity-provider buttons' when a forum has providers).
      const props = [...(await res.text()).matchAll(/\\"callbackUrl\\":\\"([^"\\]*)\\"/g)].map((m) => m[1]);
      expect(props.length, callback).toBeGreaterThan(0);
      expect(new Set(props), callback).toEqual(new Set(["/"]));
    }
  });

  it("next-auth's sign-in answer points only to our own origin", async () => {
    for (const callback of HOSTILE_CALLBACKS) {
      const client = new TestClient(baseUrl);
      const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await client.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "admin@samrad.example", password: DEMO_PASSWORD, csrfToken, json: "true", callbackUrl: callback }),
      });
      expect(res.status, callback).toBeLessThan(500);
      const { url } = (await res.json()) as { url: string };
      const to = new URL(url, baseUrl);
      expect(to.origin, callback).toBe(new URL(baseUrl).origin);
      expect(to.pathname.startsWith("//"), callback).toBe(false);
      expect(decodeURIComponent(to.pathname), callback).not.toMatch(/evil|[\t\r\n\\]/);
    }
  });
});
