import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, buildUser, testDb } from "../support/factories.ts";
import { DEMO_ACCOUNTS, signedIn, TestClient } from "../support/http-client.ts";
import { authoriseAtIdp, finishAtApp, logoutAtIdp, startTestIdp, type TestIdp } from "../support/oidc-provider.ts";

// Sign-in through a real OpenID Connect provider (oidc-provider on a local port) against the real
// production server: every path in and every refusal, with the database checked after each.

const baseUrl = inject("baseUrl");
const SLUG = "test-idp";
let db: Db;
let idp: TestIdp;
let forumId: string;
let admin: TestClient;
let providerId: string;
let seq = 0;

const person = (account: { email?: string; email_verified?: boolean; name?: string }) => {
  const login = `person-${Date.now().toString(36)}-${++seq}`;
  idp.accounts.set(login, account);
  return login;
};

/** The whole flow in two fresh browsers; gives the app's browser and where it ended up. */
async function signInAs(login: string) {
  const app = new TestClient(baseUrl);
  const browserAtIdp = new TestClient(idp.issuer);
  const callback = await authoriseAtIdp(app, browserAtIdp, SLUG, login);
  const landed = await finishAtApp(app, callback);
  return { app, browserAtIdp, landed, callback };
}

/** Whose session the browser holds, as the app sees it (the account page, read from the database). */
async function sessionEmail(client: TestClient): Promise<string | null> {
  const res = await client.fetch("/account");
  if (res.status !== 200) return null;
  const email = /name="username"[^>]*?value="([^"]*)"/.exec(await res.text())?.[1];
  if (!email) throw new Error("the account page shows no e-mail");
  return email;
}

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  forumId = (await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } })).id;
  idp = await startTestIdp(baseUrl, SLUG);
  admin = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
  const res = await admin.json("/api/forums/ostfold/identity-providers", "POST", {
    displayName: "Testfylket", slug: SLUG, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, allowedDomains: "testfylke.no",
  });
  expect(res.status).toBe(201);
  providerId = ((await res.json()) as { provider: { id: string } }).provider.id;
});

afterAll(async () => {
  await idp?.stop();
  await db?.$disconnect();
});

describe("sign-in through the organisation's identity provider (OpenID Connect)", () => {
  it("stores the client secret sealed, and never answers with it", async () => {
    const row = await db.identityProvider.findUniqueOrThrow({ where: { id: providerId } });
    expect(row.clientSecret).not.toContain(idp.clientSecret);
    const page = await (await admin.fetch("/f/ostfold/admin/sign-in")).text();
    expect(page).toContain(`/api/auth/callback/oidc-${SLUG}`);
    expect(page).not.toContain(idp.clientSecret);
    expect(page).not.toContain(row.clientSecret);
  });

  it("offers the provider on the sign-in page", async () => {
    const html = await (await new TestClient(baseUrl).fetch("/login")).text();
    expect(html).toContain("Logg inn med Testfylket");
  });

  it("makes an account for a verified address in an allowed domain, as a member of the provider's forum", async () => {
    const email = `ny-${++seq}@testfylke.no`;
    const { app, landed } = await signInAs(person({ email, email_verified: true, name: "Nora Nyansatt" }));
    expect(new URL(landed).pathname).toBe("/");
    expect(await sessionEmail(app)).toBe(email);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { name: true, passwordHash: true, forums: { select: { forumId: true, role: true } }, identities: { select: { providerId: true } } } });
    expect(user.name).toBe("Nora Nyansatt");
    expect(user.passwordHash).toBe("");
    expect(user.forums).toEqual([{ forumId, role: "MEMBER" }]);
    expect(user.identities).toEqual([{ providerId }]);
    // The next sign-in finds the linked identity, even when the provider now says another address.
    const login = [...idp.accounts].find(([, a]) => a.email === email)![0];
    idp.accounts.set(login, { email: `renamed-${seq}@elsewhere.example`, email_verified: true });
    const again = await signInAs(login);
    expect(await sessionEmail(again.app)).toBe(email);
  });

  it("refuses an address that is neither invited nor in an allowed domain: no account, no session", async () => {
    const email = `fremmed-${++seq}@annetsted.example`;
    const users = await db.user.count();
    const { app, landed } = await signInAs(person({ email, email_verified: true, name: "Frida Fremmed" }));
    expect(new URL(landed).pathname).toBe("/login");
    expect(new URL(landed).searchParams.get("error")).toBe("oidc_not_invited");
    expect(app.hasSession()).toBe(false);
    expect(await sessionEmail(app)).toBeNull();
    expect(await db.user.count()).toBe(users);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    // The sign-in page says why, in words.
    const page = await (await app.fetch(new URL(landed).pathname + new URL(landed).search)).text();
    expect(page).toContain("ikke invitert");
  });

  it("refuses an allowed-domain address the provider has not verified", async () => {
    const email = `uverifisert-${++seq}@testfylke.no`;
    const { app, landed } = await signInAs(person({ email, email_verified: false }));
    expect(new URL(landed).searchParams.get("error")).toBe("oidc_unverified");
    expect(app.hasSession()).toBe(false);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("makes an account for an invited address outside the allowed domains, with the invited role", async () => {
    const email = `invitert-${++seq}@partner.example`;
    const invite = await admin.json("/api/forums/ostfold/invitations", "POST", { email, role: "PROJECT_LEADER" });
    expect(invite.status).toBe(201);
    const { app } = await signInAs(person({ email, email_verified: true, name: "Ivar Invitert" }));
    expect(await sessionEmail(app)).toBe(email);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { forums: { select: { role: true } } } });
    expect(user.forums).toEqual([{ role: "PROJECT_LEADER" }]);
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation.acceptedAt).not.toBeNull();
  });

  it("links an existing member by verified address, and keeps their account", async () => {
    const member = await buildUser(db, forumId, { email: `medlem-${++seq}@annetsted.example`, name: "Mona Medlem" });
    const { app } = await signInAs(person({ email: member.email, email_verified: true, name: "M. Medlem (fra leverandøren)" }));
    expect(await sessionEmail(app)).toBe(member.email);
    const user = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { name: true, identities: { select: { providerId: true } } } });
    expect(user.name).toBe("Mona Medlem");
    expect(user.identities).toEqual([{ providerId }]);
  });

  it("never links an account that belongs only to another forum, even in an allowed domain", async () => {
    const other = await buildOtherForum(db);
    const outsider = await buildUser(db, other.forum.id, { email: `utenfor-${++seq}@testfylke.no` });
    const { app, landed } = await signInAs(person({ email: outsider.email, email_verified: true }));
    expect(new URL(landed).searchParams.get("error")).toBe("oidc_elsewhere");
    expect(app.hasSession()).toBe(false);
    expect(await db.userIdentity.count({ where: { userId: outsider.id } })).toBe(0);
  });

  it("refuses a callback whose state was tampered with", async () => {
    const email = `state-${++seq}@testfylke.no`;
    const app = new TestClient(baseUrl);
    const callback = new URL(await authoriseAtIdp(app, new TestClient(idp.issuer), SLUG, person({ email, email_verified: true })));
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    const landed = new URL(await finishAtApp(app, callback.toString()));
    expect(landed.pathname).toBe("/login");
    expect(landed.searchParams.get("error")).toBe("OAuthCallback");
    expect(app.hasSession()).toBe(false);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("refuses a code that has expired at the provider", async () => {
    const email = `utlopt-${++seq}@testfylke.no`;
    const app = new TestClient(baseUrl);
    idp.codeTtl.seconds = 1;
    let callback: string;
    try {
      callback = await authoriseAtIdp(app, new TestClient(idp.issuer), SLUG, person({ email, email_verified: true }));
    } finally {
      idp.codeTtl.seconds = 60;
    }
    await new Promise((r) => setTimeout(r, 2100));
    const landed = new URL(await finishAtApp(app, callback));
    expect(landed.pathname).toBe("/login");
    expect(landed.searchParams.get("error")).toBe("OAuthCallback");
    expect(app.hasSession()).toBe(false);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("refuses a code used twice (the second browser gets nothing)", async () => {
    const email = `to-ganger-${++seq}@testfylke.no`;
    const { app, callback } = await signInAs(person({ email, email_verified: true }));
    expect(app.hasSession()).toBe(true);
    const thief = new TestClient(baseUrl);
    thief.cookies.clear();
    const landed = new URL(await finishAtApp(thief, callback));
    expect(landed.pathname).toBe("/login");
    expect(thief.hasSession()).toBe(false);
  });

  it("ends the session here when the person logs out at the provider (back-channel logout)", async () => {
    const email = `utlogging-${++seq}@testfylke.no`;
    const { app, browserAtIdp } = await signInAs(person({ email, email_verified: true }));
    expect(await sessionEmail(app)).toBe(email);
    const delivered = idp.backchannel.delivered;
    await logoutAtIdp(browserAtIdp);
    // The provider has called us back before its logout page answers.
    expect(idp.backchannel.errors).toEqual([]);
    expect(idp.backchannel.delivered).toBe(delivered + 1);
    expect(await sessionEmail(app)).toBeNull();
  });

  it("refuses a forged back-channel logout token and ends nothing", async () => {
    const email = `falsk-${++seq}@testfylke.no`;
    const { app } = await signInAs(person({ email, email_verified: true }));
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "logout+jwt" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ iss: idp.issuer, aud: idp.clientId, sub: "x", events: { "http://schemas.openid.net/event/backchannel-logout": {} } })).toString("base64url");
    const res = await fetch(`${baseUrl}/api/oidc/${SLUG}/backchannel-logout`, {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ logout_token: `${header}.${body}.` }),
    });
    expect(res.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);
    expect(await sessionEmail(app)).toBe(email);
  });

  it("sends a provider's session to the provider's logout when signing out here", async () => {
    const { app } = await signInAs(person({ email: `rp-${++seq}@testfylke.no`, email_verified: true }));
    const { csrfToken } = (await (await app.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await app.fetch("/api/auth/signout", {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    const { url } = (await res.json()) as { url: string };
    const logout = new URL(url);
    expect(logout.origin).toBe(idp.issuer);
    expect(logout.searchParams.get("client_id")).toBe(idp.clientId);
    expect(logout.searchParams.get("post_logout_redirect_uri")).toBe(`${baseUrl}/login?signedOut=1`);
    expect(logout.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(await sessionEmail(app)).toBeNull();
  });

  it("switches password sign-in off only while a provider is in use, and then refuses passwords", async () => {
    const settings = async () => (await db.forum.findUniqueOrThrow({ where: { id: forumId }, select: { version: true, passwordSignIn: true } }));
    // Without an enabled provider, the switch is refused.
    let pr = await db.identityProvider.findUniqueOrThrow({ where: { id: providerId } });
    expect((await admin.json(`/api/forums/ostfold/identity-providers/${providerId}`, "PATCH", { enabled: false, version: pr.version })).status).toBe(200);
    const refused = await admin.json("/api/forums/ostfold/settings", "PATCH", { passwordSignIn: false, version: (await settings()).version });
    expect(refused.status).toBe(409);
    expect((await settings()).passwordSignIn).toBe(true);
    pr = await db.identityProvider.findUniqueOrThrow({ where: { id: providerId } });
    expect((await admin.json(`/api/forums/ostfold/identity-providers/${providerId}`, "PATCH", { enabled: true, version: pr.version })).status).toBe(200);

    const off = await admin.json("/api/forums/ostfold/settings", "PATCH", { passwordSignIn: false, version: (await settings()).version });
    expect(off.status).toBe(200);
    try {
      const member = new TestClient(baseUrl);
      const res = await member.signIn(DEMO_ACCOUNTS.member, DEMO_PASSWORD);
      expect(new URL(((await res.json()) as { url: string }).url).searchParams.get("error")).toBe("PasswordSignInOff");
      expect(member.hasSession()).toBe(false);
      // The last provider in use can be neither switched off nor removed now.
      pr = await db.identityProvider.findUniqueOrThrow({ where: { id: providerId } });
      expect((await admin.json(`/api/forums/ostfold/identity-providers/${providerId}`, "PATCH", { enabled: false, version: pr.version })).status).toBe(409);
      expect((await admin.fetch(`/api/forums/ostfold/identity-providers/${providerId}`, { method: "DELETE" })).status).toBe(409);
    } finally {
      const on = await admin.json("/api/forums/ostfold/settings", "PATCH", { passwordSignIn: true, version: (await settings()).version });
      expect(on.status).toBe(200);
    }
  });

  it("refuses bad provider settings with field errors, and members may not manage providers", async () => {
    const bad = await admin.json("/api/forums/ostfold/identity-providers", "POST", {
      displayName: "X", slug: "Bad Slug", issuer: "http://idp.example.com", clientId: "", clientSecret: "", allowedDomains: "not a domain!",
    });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(["allowedDomains", "clientId", "clientSecret", "displayName", "issuer", "slug"]);
    const member = await signedIn(baseUrl, DEMO_ACCOUNTS.member, DEMO_PASSWORD);
    expect((await member.json("/api/forums/ostfold/identity-providers", "POST", { displayName: "Xy", slug: "xy", issuer: idp.issuer, clientId: "a", clientSecret: "b" })).status).toBe(403);
    expect((await member.json("/api/forums/ostfold/invitations", "POST", { email: "x@y.no" })).status).toBe(403);
  });
});
