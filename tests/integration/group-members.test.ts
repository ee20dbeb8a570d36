import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildUser, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

// Who manages a group's members, through the real API: the group's own leads and the forum's
// administrators. Not the project leader, not plain members, not a lead of another group; a lead
// never leaves the group without a lead, and nothing here reaches a forum role.

const baseUrl = inject("baseUrl");
let db: Db;
let forumId: string;
let groupId: string;
let otherGroupId: string;
let u: Record<"lead" | "member" | "candidate" | "otherLead", { id: string; email: string; name: string }>;
let c: Record<"lead" | "member" | "otherLead" | "admin" | "leader", TestClient>;

const members = (g: string, userId: string) => `/api/forums/ostfold/groups/${g}/members${userId ? `/${userId}` : ""}`;
const roleOf = async (g: string, userId: string) => (await db.membership.findUnique({ where: { groupId_userId: { groupId: g, userId } } }))?.role ?? null;

/** The request is refused with `status` and its error code, and no row of any table changed. */
async function refused(run: () => Promise<Response>, status: number, code: string) {
  const before = await tableCounts(db);
  const res = await run();
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(await tableCounts(db)).toEqual(before);
  return body.error;
}

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  forumId = (await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } })).id;
  const stamp = Date.now().toString(36);
  groupId = (await db.group.create({ data: { forumId, kind: "COMPETENCE", name: `Medlemsgruppe ${stamp}` } })).id;
  otherGroupId = (await db.group.create({ data: { forumId, kind: "COMPETENCE", name: `Annen medlemsgruppe ${stamp}` } })).id;
  u = {
    lead: await buildUser(db, forumId, { name: "Lise Leder" }),
    member: await buildUser(db, forumId, { name: "Mons Medlem", groupIds: [groupId] }),
    candidate: await buildUser(db, forumId, { name: "Kaja Kandidat" }),
    otherLead: await buildUser(db, forumId, { name: "Ola Annenleder" }),
  };
  await db.membership.create({ data: { groupId, userId: u.lead.id, role: "LEAD" } });
  await db.membership.create({ data: { groupId: otherGroupId, userId: u.otherLead.id, role: "LEAD" } });
  c = {
    lead: await signedIn(baseUrl, u.lead.email, FACTORY_PASSWORD),
    member: await signedIn(baseUrl, u.member.email, FACTORY_PASSWORD),
    otherLead: await signedIn(baseUrl, u.otherLead.email, FACTORY_PASSWORD),
    admin: await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
  };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("a group's lead manages its members", () => {
  it("adds a forum member, gives and takes the lead role, and removes them; each step audited", async () => {
    const added = await c.lead.json(members(groupId, ""), "POST", { userId: u.candidate.id });
    expect(added.status).toBe(201);
    expect(await roleOf(groupId, u.candidate.id)).toBe("MEMBER");
    // The new member now works in the group: its page says so.
    const candidate = await signedIn(baseUrl, u.candidate.email, FACTORY_PASSWORD);
    expect(await (await candidate.fetch(`/f/ostfold/groups/${groupId}`)).text()).toContain("Du er medlem av denne gruppen.");

    expect((await c.lead.json(members(groupId, u.candidate.id), "PATCH", { role: "LEAD" })).status).toBe(200);
    expect(await roleOf(groupId, u.candidate.id)).toBe("LEAD");
    expect((await c.lead.json(members(groupId, u.candidate.id), "PATCH", { role: "MEMBER" })).status).toBe(200);
    expect((await c.lead.fetch(members(groupId, u.candidate.id), { method: "DELETE" })).status).toBe(200);
    expect(await roleOf(groupId, u.candidate.id)).toBeNull();

    const audit = await db.auditEvent.findMany({ where: { actorId: u.lead.id, action: { startsWith: "membership." } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["membership.add", "membership.role", "membership.role", "membership.remove"]);
  });

  it("opens the group's members page to its leads and the administrator only", async () => {
    expect((await c.lead.fetch(`/f/ostfold/groups/${groupId}/members`)).status).toBe(200);
    expect((await c.admin.fetch(`/f/ostfold/groups/${groupId}/members`)).status).toBe(200);
    for (const client of [c.member, c.otherLead, c.leader]) expect((await client.fetch(`/f/ostfold/groups/${groupId}/members`)).status).toBe(403);
  });

  it("refuses a lead in another group, a plain member and the project leader (403); nothing written", async () => {
    await refused(() => c.lead.json(members(otherGroupId, ""), "POST", { userId: u.candidate.id }), 403, "forbidden");
    await refused(() => c.lead.json(members(otherGroupId, u.otherLead.id), "PATCH", { role: "MEMBER" }), 403, "forbidden");
    await refused(() => c.lead.fetch(members(otherGroupId, u.otherLead.id), { method: "DELETE" }), 403, "forbidden");
    for (const client of [c.member, c.otherLead, c.leader]) {
      await refused(() => client.json(members(groupId, ""), "POST", { userId: u.candidate.id }), 403, "forbidden");
      await refused(() => client.json(members(groupId, u.member.id), "PATCH", { role: "LEAD" }), 403, "forbidden");
      await refused(() => client.fetch(members(groupId, u.member.id), { method: "DELETE" }), 403, "forbidden");
    }
    expect(await roleOf(groupId, u.member.id)).toBe("MEMBER");
  });

  it("never leaves the group without a lead: the last lead can neither step down nor leave (409); with a second lead they can", async () => {
    const error = await refused(() => c.lead.json(members(groupId, u.lead.id), "PATCH", { role: "MEMBER" }), 409, "conflict");
    expect(error.message).toBe("Gruppen må ha minst én leder. Gjør en annen til leder først.");
    await refused(() => c.lead.fetch(members(groupId, u.lead.id), { method: "DELETE" }), 409, "conflict");
    expect(await roleOf(groupId, u.lead.id)).toBe("LEAD");

    expect((await c.lead.json(members(groupId, u.member.id), "PATCH", { role: "LEAD" })).status).toBe(200);
    expect((await c.lead.json(members(groupId, u.lead.id), "PATCH", { role: "MEMBER" })).status).toBe(200);
    // Now a plain member, the former lead manages nothing any more.
    await refused(() => c.lead.json(members(groupId, u.lead.id), "PATCH", { role: "LEAD" }), 403, "forbidden");
    // The new lead puts things back.
    expect((await c.member.json(members(groupId, u.lead.id), "PATCH", { role: "LEAD" })).status).toBe(200);
    expect((await c.member.json(members(groupId, u.member.id), "PATCH", { role: "MEMBER" })).status).toBe(200);
    expect([await roleOf(groupId, u.lead.id), await roleOf(groupId, u.member.id)]).toEqual(["LEAD", "MEMBER"]);
  });

  it("reaches no forum role: ADMIN is no group role (400), and the users API stays the administrator's (403)", async () => {
    await refused(() => c.lead.json(members(groupId, u.lead.id), "PATCH", { role: "ADMIN" }), 400, "invalid_input");
    await refused(() => c.lead.json(members(groupId, ""), "POST", { userId: u.candidate.id, role: "ADMIN" }), 400, "invalid_input");
    await refused(() => c.lead.json(`/api/forums/ostfold/users/${u.lead.id}`, "PATCH", { role: "ADMIN" }), 403, "forbidden");
    expect((await db.forumMember.findFirstOrThrow({ where: { forumId, userId: u.lead.id } })).role).toBe("MEMBER");
  });

  it("adds only people already in the forum (404) and not twice (409)", async () => {
    const outsider = await db.user.create({ data: { email: `utenfor-${Date.now()}@factory.example`, name: "Utenfor Forumet", passwordHash: "x" } });
    await refused(() => c.lead.json(members(groupId, ""), "POST", { userId: outsider.id }), 404, "not_found");
    await refused(() => c.lead.json(members(groupId, ""), "POST", { userId: u.member.id }), 409, "conflict");
  });

  it("the administrator still manages every group, and may even remove the last lead", async () => {
    expect((await c.admin.json(members(otherGroupId, ""), "POST", { userId: u.candidate.id, role: "LEAD" })).status).toBe(201);
    expect((await c.admin.fetch(members(otherGroupId, u.otherLead.id), { method: "DELETE" })).status).toBe(200);
    expect((await c.admin.json(members(otherGroupId, u.candidate.id), "PATCH", { role: "MEMBER" })).status).toBe(200);
    expect(await db.membership.count({ where: { groupId: otherGroupId, role: "LEAD" } })).toBe(0);
  });
});
