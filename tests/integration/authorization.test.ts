import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let ids: { forum: string; group: string; otherGroup: string; area: string; member: string; admin: string };
let clients: { admin: TestClient; member: TestClient; outsider: TestClient; anonymous: TestClient };

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const forum = await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } });
  const group = await db.group.findFirstOrThrow({ where: { forumId: forum.id, name: "Kompetansegruppe relevant kompetanse" } });
  const otherGroup = await db.group.findFirstOrThrow({ where: { forumId: forum.id, name: "Kompetansegruppe livslang læring" } });
  const area = await db.targetArea.findFirstOrThrow({ where: { forumId: forum.id } });
  const member = await db.user.findUniqueOrThrow({ where: { email: "relevant2@samrad.example" } });
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@samrad.example" } });
  ids = { forum: forum.slug, group: group.id, otherGroup: otherGroup.id, area: area.id, member: member.id, admin: admin.id };
  const other = await buildOtherForum(db);
  clients = {
    admin: await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD),
    member: await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});

afterAll(async () => {
  await db.$disconnect();
});

interface RouteCase {
  name: string;
  method: "POST" | "PATCH" | "DELETE";
  path: () => string;
  valid: () => unknown | Promise<unknown>;
  malformed: unknown[];
}

// Every admin route handler, with a body that would succeed and bodies that must not.
const adminRoutes: RouteCase[] = [
  {
    name: "create group", method: "POST", path: () => `/api/forums/${ids.forum}/groups`,
    valid: () => ({ name: `Ny gruppe ${Date.now()}`, kind: "COMPETENCE", mandate: "" }),
    malformed: [{}, { name: "x", kind: "COMPETENCE" }, { name: "Gyldig navn", kind: "PARTY" }, { name: "Gyldig", kind: "COMPETENCE", extra: 1 }, "not json", "[]"],
  },
  {
    name: "update group", method: "PATCH", path: () => `/api/forums/${ids.forum}/groups/${ids.otherGroup}`,
    valid: async () => ({ mandate: `Oppdatert ${Date.now()}`, version: (await db.group.findUniqueOrThrow({ where: { id: ids.otherGroup } })).version }),
    malformed: [{}, { version: 1 }, { mandate: "Uten versjon" }, { name: "", version: 1 }, { mandate: "x".repeat(5000), version: 1 }, { name: 42, version: 1 }],
  },
  {
    name: "add member", method: "POST", path: () => `/api/forums/${ids.forum}/groups/${ids.otherGroup}/members`,
    valid: () => ({ userId: ids.admin, role: "MEMBER" }),
    malformed: [{}, { userId: "../../etc" }, { userId: "abcdefgh12345678", role: "OWNER" }],
  },
  {
    name: "set member role", method: "PATCH", path: () => `/api/forums/${ids.forum}/groups/${ids.group}/members/${ids.member}`,
    valid: () => ({ role: "MEMBER" }),
    malformed: [{}, { role: "KING" }, { role: null }],
  },
  {
    name: "create target area", method: "POST", path: () => `/api/forums/${ids.forum}/target-areas`,
    valid: () => ({ name: `Målområde ${Date.now()}` }),
    malformed: [{}, { name: "" }, { name: "Gyldig", period: "x".repeat(41) }],
  },
  {
    name: "update target area", method: "PATCH", path: () => `/api/forums/${ids.forum}/target-areas/${ids.area}`,
    valid: async () => ({ description: `Beskrivelse ${Date.now()}`, version: (await db.targetArea.findUniqueOrThrow({ where: { id: ids.area } })).version }),
    malformed: [{}, { description: "Uten versjon" }, { archived: "yes", version: 1 }, { name: "a", version: 1 }],
  },
  {
    name: "create user", method: "POST", path: () => `/api/forums/${ids.forum}/users`,
    valid: () => ({ name: "Ny Person", email: `ny-${Date.now()}@samrad.example` }),
    malformed: [{}, { name: "Ny Person", email: "not-an-email" }, { name: "Ny Person", email: "a@b.no", forumRole: "GOD" }],
  },
  {
    name: "set forum role", method: "PATCH", path: () => `/api/forums/${ids.forum}/users/${ids.member}`,
    valid: () => ({ role: "MEMBER" }),
    malformed: [{}, { role: "SUPERUSER" }],
  },
];

const noBodyAdminRoutes = [
  { name: "remove member", method: "DELETE" as const, path: () => `/api/forums/${ids.forum}/groups/${ids.otherGroup}/members/${ids.admin}` },
  { name: "reset password", method: "POST" as const, path: () => `/api/forums/${ids.forum}/users/${ids.member}/password-reset` },
];

async function expectNothingWritten(run: () => Promise<Response>, status: number) {
  const before = await tableCounts(db);
  const res = await run();
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(await tableCounts(db)).toEqual(before);
  return body;
}

describe.each(adminRoutes)("$method $name", (route) => {
  it("rejects a caller without a session with 401 and writes nothing", async () => {
    const body = await expectNothingWritten(async () => clients.anonymous.json(route.path(), route.method, await route.valid()), 401);
    expect(body.error.code).toBe("unauthenticated");
  });

  it("rejects a forum member without the admin role with 403 and writes nothing", async () => {
    const body = await expectNothingWritten(async () => clients.member.json(route.path(), route.method, await route.valid()), 403);
    expect(body.error.code).toBe("forbidden");
  });

  it("hides the forum from another forum's administrator (404) and writes nothing", async () => {
    const body = await expectNothingWritten(async () => clients.outsider.json(route.path(), route.method, await route.valid()), 404);
    expect(body.error.code).toBe("not_found");
  });

  it("rejects a foreign Origin with 403 and writes nothing", async () => {
    const body = await expectNothingWritten(
      async () => clients.admin.json(route.path(), route.method, await route.valid(), { origin: "https://evil.example" }), 403,
    );
    expect(body.error.code).toBe("foreign_origin");
  });

  it("rejects malformed bodies with 400, a readable message, and writes nothing", async () => {
    for (const bad of route.malformed) {
      const body = await expectNothingWritten(() => clients.admin.json(route.path(), route.method, bad), 400);
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.message).toMatch(/^Ugyldig|^Innholdet/);
    }
  });

  it("accepts the administrator and records an audit event", async () => {
    const before = await db.auditEvent.count();
    const res = await clients.admin.json(route.path(), route.method, await route.valid());
    expect([200, 201]).toContain(res.status);
    expect(await db.auditEvent.count()).toBe(before + 1);
  });
});

describe.each(noBodyAdminRoutes)("$method $name", (route) => {
  it("rejects anonymous (401), a member (403) and an outsider (404); nothing written", async () => {
    await expectNothingWritten(() => clients.anonymous.fetch(route.path(), { method: route.method }), 401);
    await expectNothingWritten(() => clients.member.fetch(route.path(), { method: route.method }), 403);
    await expectNothingWritten(() => clients.outsider.fetch(route.path(), { method: route.method }), 404);
  });
});

describe("reading a group", () => {
  it("lets every forum member read any group, and hides it from others", async () => {
    const path = () => `/api/forums/${ids.forum}/groups/${ids.otherGroup}`;
    expect((await clients.member.fetch(path())).status).toBe(200);
    expect((await clients.anonymous.fetch(path())).status).toBe(401);
    expect((await clients.outsider.fetch(path())).status).toBe(404);
  });
});

describe("pages check the session and membership on the server", () => {
  it("redirects anonymous visitors to sign-in", async () => {
    const res = await clients.anonymous.fetch(`/f/${ids.forum}`);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/login?callbackUrl=%2Ff%2Fostfold");
  });

  it("answers 404 for a forum the user is not in and 403 for admin pages to a member", async () => {
    expect((await clients.outsider.fetch(`/f/${ids.forum}`)).status).toBe(404);
    expect((await clients.member.fetch(`/f/${ids.forum}/admin`)).status).toBe(403);
    expect((await clients.member.fetch(`/f/${ids.forum}/admin/users`)).status).toBe(403);
    expect((await clients.admin.fetch(`/f/${ids.forum}/admin/users`)).status).toBe(200);
  });
});

describe("account routes", () => {
  it("reject anonymous callers and malformed bodies", async () => {
    expect((await clients.anonymous.json("/api/account", "PATCH", { name: "Ny" })).status).toBe(401);
    expect((await clients.anonymous.json("/api/account/password", "POST", {})).status).toBe(401);
    await expectNothingWritten(() => clients.member.json("/api/account", "PATCH", { locale: "de" }), 400);
    await expectNothingWritten(() => clients.member.json("/api/account/password", "POST", { currentPassword: "x" }), 400);
    await expectNothingWritten(() => clients.member.json("/api/locale", "POST", { locale: "fr" }), 400);
  });

  it("refuse a wrong current password with 403 and keep the old one", async () => {
    const res = await clients.member.json("/api/account/password", "POST", {
      currentPassword: "wrong-password-1", newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password",
    });
    expect(res.status).toBe(403);
    expect((await new TestClient(baseUrl).signIn("relevant2@samrad.example", DEMO_PASSWORD)).status).toBe(200);
  });
});
