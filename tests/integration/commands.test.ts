import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, buildUser, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

// Commands check and write in one transaction: invariants hold under parallel calls, unique
// violations are 409 (never 500), and a stale edit changes nothing and says what is there now.

const baseUrl = inject("baseUrl");
let db: Db;

beforeAll(() => {
  db = testDb(inject("dbUrl"));
});
afterAll(async () => {
  await db.$disconnect();
});

describe("the forum keeps an administrator", () => {
  it("20 parallel 'demote each other' calls by two administrators leave exactly one", async () => {
    const { forum, admin: first } = await buildOtherForum(db);
    const second = await buildUser(db, forum.id, { forumRole: "ADMIN" });
    const a = await signedIn(baseUrl, first.email, FACTORY_PASSWORD);
    const b = await signedIn(baseUrl, second.email, FACTORY_PASSWORD);
    const demote = (client: TestClient, userId: string) => client.json(`/api/forums/${forum.slug}/users/${userId}`, "PATCH", { role: "MEMBER" });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? demote(a, second.id) : demote(b, first.id))));
    const statuses = results.map((r) => r.status);
    expect(statuses).not.toContain(500);
    expect(statuses.every((s) => [200, 403, 409].includes(s))).toBe(true);
    expect(await db.forumMember.count({ where: { forumId: forum.id, role: "ADMIN" } })).toBe(1);
    // The survivor is the one whose demotions were refused; the other's rights ended with the first success.
    const refused = await Promise.all(results.filter((r) => r.status !== 200).map(async (r) => ((await r.json()) as { error: { code: string } }).error.code));
    expect(refused.length).toBeGreaterThan(0);
    for (const code of refused) expect(["forbidden", "conflict"]).toContain(code);
  });
});

describe("e-mail addresses are unique", () => {
  it("8 parallel creates of one e-mail give one 201 and seven 409 with a readable message, no 500", async () => {
    const admin = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
    const email = `parallell-${Date.now()}@samrad.example`;
    const before = await tableCounts(db);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => admin.json("/api/forums/ostfold/users", "POST", { name: `Parallell ${i}`, email })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect(body.error).toEqual({ code: "conflict", message: "Det finnes allerede en bruker med denne e-postadressen." });
    }
    const after = await tableCounts(db);
    expect(after.users).toBe(before.users + 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("optimistic concurrency", () => {
  it("a stale action save returns 409 with the current values and changes nothing", async () => {
    const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } });
    const leader = await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD);
    const member = await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD);
    const ole = await db.user.findUniqueOrThrow({ where: { email: "relevant2@samrad.example" } });
    const marte = await db.user.findUniqueOrThrow({ where: { email: "relevant1@samrad.example" } });
    const created = await member.json(`/api/forums/ostfold/groups/${group.id}/actions`, "POST", { title: "Kartlegge lærlingplasser", ownerId: ole.id });
    const { item } = (await created.json()) as { item: { id: string; version: number } };
    expect(item.version).toBe(1);

    // Both open the form on version 1. The project leader gives the item to Marte and saves first.
    const path = `/api/forums/ostfold/actions/${item.id}`;
    expect((await leader.json(path, "PATCH", { ownerId: marte.id, version: 1 })).status).toBe(200);
    const row = await db.actionItem.findUniqueOrThrow({ where: { id: item.id } });
    const audit = await db.auditEvent.count();

    // The member saves only the description, on the version the form was opened on.
    const stale = await member.json(path, "PATCH", { description: "Ny beskrivelse", ownerId: ole.id, version: 1 });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; message: string; current: { owner: { id: string; name: string }; description: string; version: number } } };
    expect(body.error.code).toBe("stale");
    expect(body.error.message).toBe("Noen andre endret dette mens du redigerte. Ingenting ble lagret.");
    expect(body.error.current).toMatchObject({ owner: { id: marte.id, name: "Marte Nilsen" }, description: "", version: 2 });
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: item.id } })).toEqual(row);
    expect(await db.auditEvent.count()).toBe(audit);

    // Saving again on the current version (the user chose to keep theirs) goes through.
    expect((await member.json(path, "PATCH", { description: "Ny beskrivelse", version: 2 })).status).toBe(200);
  });

  it("holds for groups, target areas and document metadata too", async () => {
    const admin = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
    const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe livslang læring" } });
    const area = await db.targetArea.findFirstOrThrow({ where: { archivedAt: null } });
    const doc = await db.document.findFirstOrThrow({ where: { groupId: group.id, archivedAt: null } });
    const leader = await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD);
    for (const [client, path, body, version] of [
      [admin, `/api/forums/ostfold/groups/${group.id}`, { mandate: "Nytt mandat" }, group.version],
      [admin, `/api/forums/ostfold/target-areas/${area.id}`, { period: "2027" }, area.version],
      [leader, `/api/forums/ostfold/documents/${doc.id}`, { title: "Nytt navn" }, doc.version],
    ] as const) {
      expect((await client.json(path, "PATCH", { ...body, version })).status, path).toBe(200);
      const res = await client.json(path, "PATCH", { ...body, version });
      expect(res.status, path).toBe(409);
      expect(((await res.json()) as { error: { current: { version: number } } }).error.current.version, path).toBe(version + 1);
    }
  });
});
