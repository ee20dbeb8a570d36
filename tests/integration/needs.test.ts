import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import type { NeedView } from "../../lib/presenters/need.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, buildOtherForum, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

// The needs register against the real server and database: the demo's example needs and their
// coverage, who may add, change and link needs, and bad input that changes nothing.

const baseUrl = inject("baseUrl");
let db: Db;
let relevantGroup: string;
let lifelongGroup: string;
let other: Awaited<ReturnType<typeof buildOtherForum>>;
let c: Record<"relevant" | "lifelong" | "leader" | "steering" | "outsider" | "anonymous", TestClient>;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  relevantGroup = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
  lifelongGroup = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe livslang læring" } })).id;
  other = await buildOtherForum(db);
  c = {
    relevant: await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD),
    lifelong: await signedIn(baseUrl, "livslang2@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    steering: await signedIn(baseUrl, "styring2@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});
afterAll(async () => {
  await db.$disconnect();
});

const NEEDS = "/api/forums/ostfold/needs";
const needPath = (id: string) => `${NEEDS}/${id}`;
const linksPath = (id: string) => `${NEEDS}/${id}/links`;

async function call(who: TestClient, path: string, method: string, body?: unknown) {
  const res = body === undefined ? await who.fetch(path, { method }) : await who.json(path, method, body);
  return { status: res.status, body: (await res.json()) as { need: NeedView; needs: NeedView[]; total: number; error?: { fields?: Record<string, string>; message: string } } };
}

const valid = (groupId: string) => ({
  groupId, title: "Tømrere i Moss", field: "Tømrer", styrk: "7115", period: "2026", demand: 40, supply: 25.5, unit: "PERSONS",
  sourceName: "Byggenæringens landsforening", sourceUrl: "https://example.org/bygg", sourceDate: "2026-03-01", confidence: "HIGH",
});

describe("needs register", () => {
  it("holds the demo's example needs with their coverage worked out from what answers them", async () => {
    const { status, body } = await call(c.steering, `${NEEDS}?period=2026&sort=title`, "GET");
    expect(status).toBe(200);
    const byTitle = new Map(body.needs.map((n) => [n.title, n]));
    // An approved recommendation answers it (the steering group approved it in the demo).
    expect(byTitle.get("Språkpraksisplasser")).toMatchObject({ coverage: "RECOMMENDATION", demand: 150, supply: 70, gap: 80 });
    // An action in progress answers it; the recommendation is only a draft.
    expect(byTitle.get("Læreplasser i helsearbeiderfaget")).toMatchObject({ coverage: "ACTION", unit: "APPRENTICESHIPS", gap: 70 });
    // A recommendation waiting for decision and an open action: not covered yet.
    expect(byTitle.get("Kveldsmoduler i automasjon")?.coverage).toBe("NONE");
    expect(byTitle.get("Sykepleiere")).toMatchObject({ coverage: "NONE", sourceName: "Eksempeltall – ikke offisiell statistikk" });
    expect(body.needs.every((n) => n.abilities.update === false)).toBe(true);
  });

  it("lets a group member add, edit (with history) and archive a need in their group; a stale edit is a 409", async () => {
    const created = await call(c.relevant, NEEDS, "POST", valid(relevantGroup));
    expect(created.status).toBe(201);
    const need = created.body.need;
    expect(need).toMatchObject({ gap: 14.5, coverage: "NONE", styrk: "7115", sourceDate: "2026-03-01", abilities: { update: true, archive: true } });

    const edited = await call(c.relevant, needPath(need.id), "PATCH", { supply: 30, version: need.version });
    expect(edited.status).toBe(200);
    expect(edited.body.need).toMatchObject({ supply: 30, gap: 10, version: need.version + 1 });
    const stale = await call(c.leader, needPath(need.id), "PATCH", { demand: 99, version: need.version });
    expect(stale.status).toBe(409);
    const history = await db.auditEvent.findMany({ where: { entityType: "Need", entityId: need.id }, orderBy: { seq: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["need.create", "need.update"]);
    expect(JSON.parse(history[1]!.before!)).toMatchObject({ supply: 25.5 });
    expect(JSON.parse(history[1]!.after!)).toMatchObject({ supply: 30 });

    // Others read it but do not change it.
    expect((await call(c.steering, needPath(need.id), "GET")).body.need.abilities.update).toBe(false);
    expect((await call(c.steering, needPath(need.id), "PATCH", { supply: 1, version: need.version + 1 })).status).toBe(403);
    expect((await call(c.lifelong, needPath(need.id), "PATCH", { supply: 1, version: need.version + 1 })).status).toBe(403);

    const archived = await call(c.relevant, needPath(need.id), "PATCH", { archived: true, version: need.version + 1 });
    expect(archived.body.need).toMatchObject({ archived: true, abilities: { update: false, restore: true } });
    expect((await call(c.relevant, needPath(need.id), "PATCH", { supply: 5, version: need.version + 2 })).status).toBe(403);
    expect((await call(c.relevant, `${NEEDS}?q=Tømrere`, "GET")).body.total).toBe(0);
    expect((await call(c.relevant, `${NEEDS}?q=Tømrere&archived=1`, "GET")).body.total).toBe(1);
    expect((await call(c.relevant, needPath(need.id), "PATCH", { archived: false, version: need.version + 2 })).body.need.archived).toBe(false);
  });

  it("refuses other groups, other forums, the signed-out and bad figures, writing nothing", async () => {
    const before = { ...(await tableCounts(db)), needs: await db.need.count() };
    expect((await call(c.steering, NEEDS, "POST", valid(relevantGroup))).status).toBe(403);
    expect((await call(c.lifelong, NEEDS, "POST", valid(relevantGroup))).status).toBe(403);
    expect((await call(c.outsider, NEEDS, "POST", valid(other.group.id))).status).toBe(404);
    expect((await call(c.relevant, NEEDS, "POST", valid(other.group.id))).status).toBe(404);
    expect((await call(c.anonymous, NEEDS, "POST", valid(relevantGroup))).status).toBe(401);
    expect((await call(c.anonymous, NEEDS, "GET")).status).toBe(401);
    const bad = await call(c.relevant, NEEDS, "POST", { ...valid(relevantGroup), period: "2026-H3", demand: -1, supply: 1.234, styrk: "12", sourceUrl: "javascript:alert(1)", sourceDate: "2026-02-31" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(["demand", "period", "sourceDate", "sourceUrl", "styrk", "supply"]);
    expect(bad.body.error!.fields!.period).toMatch(/år \(2026\) eller et halvår/);
    const region = await db.region.create({ data: { forumId: other.forum.id, name: "Annen kommune" } });
    expect((await call(c.relevant, NEEDS, "POST", { ...valid(relevantGroup), regionId: region.id })).status).toBe(400);
    expect({ ...(await tableCounts(db)), needs: await db.need.count() }).toEqual(before);
  });
});

describe("what answers a need", () => {
  it("a group links its recommendation to another group's need; the need shows it; links are refused where they do not belong", async () => {
    const need = (await call(c.relevant, NEEDS, "POST", { ...valid(relevantGroup), title: "Behov som skal besvares" })).body.need;
    const recommendation = await buildDocument(db, lifelongGroup, { title: "Anbefaling om tømrerfaget" });
    const note = await buildDocument(db, lifelongGroup, { title: "Notat", kind: "NOTE" });

    // The lifelong group may change its own recommendation, so it may say which need it answers.
    const linked = await call(c.lifelong, linksPath(need.id), "POST", { documentId: recommendation.id });
    expect(linked.status).toBe(201);
    expect(linked.body.need.recommendations).toEqual([expect.objectContaining({ id: recommendation.id, approved: false })]);
    expect(linked.body.need.coverage).toBe("NONE");
    expect((await call(c.lifelong, linksPath(need.id), "POST", { documentId: recommendation.id })).status).toBe(409);
    expect((await call(c.lifelong, linksPath(need.id), "POST", { documentId: note.id })).status).toBe(400);
    expect((await call(c.lifelong, linksPath(need.id), "POST", {})).status).toBe(400);
    expect((await call(c.steering, linksPath(need.id), "POST", { documentId: recommendation.id })).status).toBe(403);
    const foreign = await buildDocument(db, other.group.id);
    expect((await call(c.relevant, linksPath(need.id), "POST", { documentId: foreign.id })).status).toBe(404);

    // An action of the group that keeps the need, in progress: the need is covered by an action.
    const forumId = (await db.group.findUniqueOrThrow({ where: { id: relevantGroup } })).forumId;
    const author = await db.user.findFirstOrThrow({ where: { email: "relevant2@samrad.example" } });
    const item = await db.actionItem.create({ data: { forumId, groupId: relevantGroup, title: "Kurs for tømrerlærlinger", status: "IN_PROGRESS", createdById: author.id } });
    const withAction = await call(c.relevant, linksPath(need.id), "POST", { actionItemId: item.id });
    expect(withAction.body.need).toMatchObject({ coverage: "ACTION", actions: [expect.objectContaining({ title: "Kurs for tømrerlærlinger", status: "IN_PROGRESS" })] });

    const unlinked = await call(c.lifelong, linksPath(need.id), "DELETE", { documentId: recommendation.id });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.need.recommendations).toEqual([]);
    expect((await call(c.lifelong, linksPath(need.id), "DELETE", { documentId: recommendation.id })).status).toBe(404);
    expect((await db.auditEvent.findMany({ where: { entityType: "Need", entityId: need.id, action: { in: ["need.link", "need.unlink"] } } })).map((e) => e.action)).toEqual(["need.link", "need.link", "need.unlink"]);
  });
});
