import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

// Notices say who did what, are grouped by item on the page and in the count beside "Varsler",
// and opening them marks them read — only the opener's own, through the real API and pages.

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let owner: { id: string; email: string; name: string };
let bystander: { id: string; email: string; name: string };
let c: Record<"leader" | "owner" | "bystander", TestClient>;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const forum = await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } });
  groupId = (await db.group.findFirstOrThrow({ where: { forumId: forum.id, name: "Kompetansegruppe relevant kompetanse" } })).id;
  owner = await buildUser(db, forum.id, { name: "Eva Eier", groupIds: [groupId] });
  bystander = await buildUser(db, forum.id, { name: "Bent Bistander", groupIds: [groupId] });
  c = {
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    owner: await signedIn(baseUrl, owner.email, FACTORY_PASSWORD),
    bystander: await signedIn(baseUrl, bystander.email, FACTORY_PASSWORD),
  };
});

afterAll(async () => {
  await db.$disconnect();
});

const page = async (client: TestClient, path: string) => (await client.fetch(path)).text();
/** The forum tab's label: "Varsler" or "Varsler (n)". */
const navLabel = (html: string) => /href="\/f\/ostfold\/notifications"[^>]*>([^<]*)</.exec(html)?.[1];

describe("notifications grouped by item", () => {
  let ids: string[] = [];

  it("every status change says who set which status; five changes on one action are one entry", async () => {
    const created = await c.leader.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", { title: "Lærlingløftet", ownerId: owner.id });
    expect(created.status).toBe(201);
    let action = ((await created.json()) as { item: { id: string; version: number } }).item;
    for (const status of ["IN_PROGRESS", "BLOCKED", "IN_PROGRESS", "DONE"]) {
      const res = await c.leader.json(`/api/forums/ostfold/actions/${action.id}`, "PATCH", { status, version: action.version });
      expect(res.status).toBe(200);
      action = ((await res.json()) as { item: { id: string; version: number } }).item;
    }
    const leader = await db.user.findUniqueOrThrow({ where: { email: "prosjektleder@samrad.example" } });
    const rows = await db.notification.findMany({ where: { userId: owner.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.type, r.actorId])).toEqual([
      ["ASSIGNED", leader.id], ["STATUS_CHANGED", leader.id], ["STATUS_CHANGED", leader.id], ["STATUS_CHANGED", leader.id], ["STATUS_CHANGED", leader.id],
    ]);
    ids = rows.map((r) => r.id);

    const html = await page(c.owner, "/f/ostfold/notifications");
    expect(html).toContain("5 varsler om «Lærlingløftet»");
    expect(html).toContain("5 uleste");
    expect(html).toContain("Lars Haugen satte status til Pågår");
    expect(html).toContain("Lars Haugen satte status til Stoppet");
    expect(html).toContain("Lars Haugen satte status til Ferdig");
    expect(html).toContain("Lars Haugen satte deg som eier");
    // Newest first inside the group.
    expect(html.indexOf("til Ferdig")).toBeLessThan(html.indexOf("til Stoppet"));
    expect(navLabel(html)).toBe("Varsler (1)");
  });

  it("refuses malformed input (400) and changes nothing", async () => {
    for (const bad of [{}, { ids: [] }, { ids: ["../../etc"] }, { ids: "abc" }, { ids: ids, extra: 1 }, "{"]) {
      const res = await c.owner.json("/api/forums/ostfold/notifications/opened", "POST", bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await db.notification.count({ where: { userId: owner.id, readAt: null } })).toBe(5);
  });

  it("someone else's notices are not theirs to mark: nothing changes", async () => {
    const res = await c.bystander.json("/api/forums/ostfold/notifications/opened", "POST", { ids });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { marked: number }).marked).toBe(0);
    expect(await db.notification.count({ where: { userId: owner.id, readAt: null } })).toBe(5);
  });

  it("opening the group marks all of it read; the count beside Varsler goes", async () => {
    const res = await c.owner.json("/api/forums/ostfold/notifications/opened", "POST", { ids });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { marked: number }).marked).toBe(5);
    expect(await db.notification.count({ where: { userId: owner.id, readAt: null } })).toBe(0);
    const html = await page(c.owner, "/f/ostfold/notifications");
    expect(html).not.toContain("uleste");
    expect(navLabel(html)).toBe("Varsler");
    expect(await db.auditEvent.count({ where: { actorId: owner.id, action: "notifications.read" } })).toBe(1);
  });
});
