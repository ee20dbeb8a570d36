import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { nextTestIp, signedIn, TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let forumId: string;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  forumId = (await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } })).id;
});
afterAll(async () => {
  await db.$disconnect();
});

async function failedAttempt(client: TestClient, email: string) {
  const res = await client.signIn(email, "definitely-wrong-password");
  return res;
}

describe("sign-in", () => {
  it("gives the same answer for a wrong e-mail and a wrong password", async () => {
    const user = await buildUser(db, forumId);
    const wrongPassword = await failedAttempt(new TestClient(baseUrl), user.email);
    const wrongEmail = await failedAttempt(new TestClient(baseUrl), `nobody-${Date.now()}@samrad.example`);
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    const a = (await wrongPassword.json()) as { url: string };
    const b = (await wrongEmail.json()) as { url: string };
    expect(new URL(a.url).searchParams.get("error")).toBe("CredentialsSignin");
    expect(a).toEqual(b);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain HTTP)", async () => {
    const client = new TestClient(baseUrl);
    const csrf = await client.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await client.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "relevant1@samrad.example", password: DEMO_PASSWORD, csrfToken, json: "true" }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
  });

  it("blocks an account from one address with 429 + Retry-After after 10 failures in 15 minutes, even with the right password", async () => {
    const user = await buildUser(db, forumId);
    const ip = nextTestIp().replace("198.51.100", "192.0.2");
    for (let i = 0; i < 10; i++) expect((await failedAttempt(new TestClient(baseUrl, ip), user.email)).status).toBe(401);
    const blocked = await new TestClient(baseUrl, ip).signIn(user.email, FACTORY_PASSWORD);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await blocked.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toContain("sekunder");
    // Other accounts are not affected.
    expect((await new TestClient(baseUrl, ip).signIn("relevant1@samrad.example", DEMO_PASSWORD)).status).toBe(200);
  });

  it("does not lock the owner out: after 10 failures from one address, the right password from another address signs in", async () => {
    const user = await buildUser(db, forumId);
    const attacker = nextTestIp().replace("198.51.100", "192.0.2");
    for (let i = 0; i < 10; i++) expect((await failedAttempt(new TestClient(baseUrl, attacker), user.email)).status).toBe(401);
    expect((await new TestClient(baseUrl, attacker).signIn(user.email, FACTORY_PASSWORD)).status).toBe(429);
    const owner = new TestClient(baseUrl);
    expect((await owner.signIn(user.email, FACTORY_PASSWORD)).status).toBe(200);
    expect(owner.hasSession()).toBe(true);
  });

  it("checks at most 10 passwords of 16 parallel wrong attempts (no check-then-insert race)", async () => {
    const user = await buildUser(db, forumId);
    const ip = nextTestIp().replace("198.51.100", "192.0.2");
    const statuses = await Promise.all(Array.from({ length: 16 }, () => failedAttempt(new TestClient(baseUrl, ip), user.email).then((r) => r.status)));
    // Every password checked ends as a 401; every refused attempt is a 429 before any check.
    expect(statuses.filter((s) => s === 401).length).toBe(10);
    expect(statuses.filter((s) => s === 429).length).toBe(6);
  });

  it("locks an account for every address only at AUTH_MAX_FAILURES_PER_ACCOUNT_ANY_ADDRESS (50)", async () => {
    const user = await buildUser(db, forumId);
    const old = new Date(Date.now() - 60_000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ email: user.email, ip: `10.9.${Math.floor(i / 5)}.${i % 5}`, success: false, createdAt: old })) });
    const res = await new TestClient(baseUrl).signIn(user.email, FACTORY_PASSWORD);
    expect(res.status).toBe(429);
  });

  it("lets the account in again once its failures are older than the window", async () => {
    const user = await buildUser(db, forumId);
    const old = new Date(Date.now() - 16 * 60_000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 12 }, () => ({ email: user.email, ip: nextTestIp(), success: false, createdAt: old })) });
    const res = await new TestClient(baseUrl).signIn(user.email, FACTORY_PASSWORD);
    expect(res.status).toBe(200);
  });

  it("blocks one address after 50 failures across accounts, for every account", async () => {
    const ip = nextTestIp().replace("198.51.100", "203.0.113");
    for (let i = 0; i < 50; i++) {
      const res = await new TestClient(baseUrl, ip).signIn(`spray-${i}-${Date.now()}@samrad.example`, "wrong-password-xyz");
      expect(res.status).toBe(401);
    }
    const res = await new TestClient(baseUrl, ip).signIn("relevant1@samrad.example", DEMO_PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same account from another address still works.
    expect((await new TestClient(baseUrl).signIn("relevant1@samrad.example", DEMO_PASSWORD)).status).toBe(200);
  });
});

describe("password change", () => {
  it("ends the user's other sessions and keeps the current one", async () => {
    const user = await buildUser(db, forumId);
    const here = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const elsewhere = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    expect((await elsewhere.fetch("/account")).status).toBe(200);
    const res = await here.json("/api/account/password", "POST", {
      currentPassword: FACTORY_PASSWORD, newPassword: "ny og lang passordsetning", confirmPassword: "ny og lang passordsetning",
    });
    expect(res.status).toBe(200);
    expect((await here.fetch("/account")).status).toBe(200);
    expect((await elsewhere.fetch("/account")).status).toBe(307);
    expect((await new TestClient(baseUrl).signIn(user.email, FACTORY_PASSWORD)).status).toBe(401);
    expect((await new TestClient(baseUrl).signIn(user.email, "ny og lang passordsetning")).status).toBe(200);
  });
});

describe("security headers", () => {
  it("sends a CSP without unsafe-eval, frame-ancestors none and a referrer policy", async () => {
    const res = await new TestClient(baseUrl).fetch("/login");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(html).toContain(`nonce="${nonce}"`);
  });
});
