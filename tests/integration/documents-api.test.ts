import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, buildOtherForum, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let areaId: string;
let docId: string;
let c: Record<"member" | "lead" | "otherGroup" | "otherLead" | "leader" | "steering" | "outsider" | "anonymous", TestClient>;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } })).id;
  areaId = (await db.targetArea.findFirstOrThrow({ where: { name: "Inkludering og integrering" } })).id;
  docId = (await buildDocument(db, groupId)).id;
  const other = await buildOtherForum(db);
  c = {
    member: await signedIn(baseUrl, "inkludering2@samrad.example", DEMO_PASSWORD),
    lead: await signedIn(baseUrl, "inkludering1@samrad.example", DEMO_PASSWORD),
    otherLead: await signedIn(baseUrl, "relevant1@samrad.example", DEMO_PASSWORD),
    otherGroup: await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    steering: await signedIn(baseUrl, "styring3@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});
afterAll(async () => {
  await db.$disconnect();
});

const docCount = () => db.document.count();

describe("documents API", () => {
  const create = (client: TestClient, body: unknown) => client.json(`/api/forums/ostfold/groups/${groupId}/documents`, "POST", body);
  const patch = (client: TestClient, body: unknown) => client.json(`/api/forums/ostfold/documents/${docId}`, "PATCH", body);
  const version = async () => (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { version: true } })).version;
  const valid = () => ({ title: `Anbefaling ${Date.now()}`, kind: "RECOMMENDATION", targetAreaIds: [areaId] });

  it("lets group members and the project leader create documents, with an audit event", async () => {
    for (const who of ["member", "leader"] as const) {
      const before = await db.auditEvent.count();
      const res = await create(c[who], valid());
      expect(res.status, who).toBe(201);
      const body = (await res.json()) as { document: { id: string; targetAreas: { id: string }[] } };
      expect(body.document.targetAreas.map((a) => a.id)).toEqual([areaId]);
      expect(await db.auditEvent.count()).toBe(before + 1);
    }
  });

  it("refuses members of other groups and the steering group (403), outsiders (404), anonymous (401); nothing written", async () => {
    for (const [who, status] of [["otherGroup", 403], ["steering", 403], ["outsider", 404], ["anonymous", 401]] as const) {
      const before = { docs: await docCount(), ...(await tableCounts(db)) };
      expect((await create(c[who], valid())).status, who).toBe(status);
      expect((await patch(c[who], { title: "Kapret tittel", version: await version() })).status, who).toBe(status);
      expect({ docs: await docCount(), ...(await tableCounts(db)) }).toEqual(before);
    }
  });

  it("rejects malformed bodies and foreign target areas with 400; nothing written", async () => {
    const other = await buildOtherForum(db);
    const foreignArea = await db.targetArea.create({ data: { forumId: other.forum.id, name: "Fremmed område" } });
    for (const bad of [{}, { title: "x", kind: "NOTE" }, { title: "Gyldig tittel", kind: "POEM" }, { ...valid(), targetAreaIds: [areaId, areaId] }, { ...valid(), targetAreaIds: [foreignArea.id] }, "{"]) {
      const before = { docs: await docCount(), ...(await tableCounts(db)) };
      const res = await create(c.member, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
      expect({ docs: await docCount(), ...(await tableCounts(db)) }).toEqual(before);
    }
    expect((await patch(c.member, {})).status).toBe(400);
    expect((await patch(c.member, { archived: "yes", version: await version() })).status).toBe(400);
    expect((await patch(c.member, { title: "Uten versjon" })).status).toBe(400);
  });

  it("renames, archives and restores, each recorded with before and after; only leads and the project leader archive", async () => {
    expect((await patch(c.member, { title: "Nytt navn på dokumentet", version: await version() })).status).toBe(200);
    // A plain member of the group, a lead of another group and a steering member may not archive: 403, nothing changed.
    for (const client of [c.member, c.otherLead, c.steering]) {
      const before = await tableCounts(db);
      const res = await patch(client, { archived: true, version: await version() });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      expect(await tableCounts(db)).toEqual(before);
    }
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).archivedAt).toBeNull();
    expect((await patch(c.lead, { archived: true, version: await version() })).status).toBe(200);
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).archivedAt).not.toBeNull();
    // Archived is read-only: a rename is refused; a restore is for the lead and the project leader, not the member.
    expect((await patch(c.lead, { title: "Arkivert, men omdøpt", version: await version() })).status).toBe(403);
    expect((await patch(c.member, { archived: false, version: await version() })).status).toBe(403);
    // The group's archive lists it (everyone in the forum reads it), with what the reader may do.
    const group = (await (await c.otherLead.fetch(`/api/forums/ostfold/groups/${groupId}`)).json()) as { group: { archivedDocuments: { id: string }[] } };
    expect(group.group.archivedDocuments.map((d) => d.id)).toContain(docId);
    expect((await patch(c.leader, { archived: false, version: await version() })).status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { entityId: docId, action: "document.update" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ title: "Nytt navn på dokumentet" });
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ archived: false });
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ archived: true });
  });
});
