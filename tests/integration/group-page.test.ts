import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { countOpenApprovals } from "../../lib/db/approvals.ts";
import { findForumAccess, listForumsForUser } from "../../lib/db/forums.ts";
import { getGroupPage } from "../../lib/db/groups.ts";
import { unreadNotices } from "../../lib/db/notifications.ts";
import { pageReads, type PageReads } from "../../lib/db/page-reads.ts";
import { listTargetAreas } from "../../lib/db/target-areas.ts";
import { findActiveUser } from "../../lib/db/users.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

// The group page and the reads every forum page makes (lib/db/page-reads.ts: prepared statements,
// not Prisma), against the test server's real SQLite file: they answer what the Prisma queries
// answer, a change of access is seen on the very next request, and a group with a thousand
// documents stays a small, paged page.

const baseUrl = inject("baseUrl");
let db: Db;
let reads: PageReads;
let forumId: string;
let admin: TestClient;

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  reads = pageReads(inject("dbUrl"));
  forumId = (await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } })).id;
  admin = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
});

afterAll(async () => {
  await reads.close();
  await db.$disconnect();
});

describe("the page reads answer as the Prisma queries do", () => {
  it("for every demo user: the user, their forums, their standing, unread notices; and the forum's counts and areas", async () => {
    const users = await db.user.findMany({ select: { id: true } });
    expect(users.length).toBeGreaterThan(3);
    for (const { id } of users) {
      expect(await reads.activeUser(id)).toEqual(await findActiveUser(db, id));
      expect(await reads.forumsForUser(id)).toEqual(await listForumsForUser(db, id));
      const access = await findForumAccess(db, id, "ostfold");
      const mine = await reads.forumAccess(id, "ostfold");
      if (!access) expect(mine).toBeNull();
      else {
        // Membership order carries no meaning: compared as sets.
        expect({ ...mine!, groupIds: [...mine!.groupIds].sort(), leadGroupIds: [...mine!.leadGroupIds!].sort(), groupKinds: [...mine!.groupKinds].sort() })
          .toEqual({ ...access, groupIds: [...access.groupIds].sort(), leadGroupIds: [...access.leadGroupIds!].sort(), groupKinds: [...access.groupKinds].sort() });
      }
      expect(byId(await reads.unreadNotices(id, forumId))).toEqual(byId(await unreadNotices(db, id, forumId)));
    }
    expect(await reads.forumAccess(users[0]!.id, "no-such-forum")).toBeNull();
    expect(await reads.activeUser("no-such-user")).toBeNull();
    expect(await reads.openApprovals(forumId)).toBe(await countOpenApprovals(db, forumId));
    expect(await reads.targetAreas(forumId)).toEqual((await listTargetAreas(db, forumId)).map((a) => ({ id: a.id, name: a.name })));
  });

  it("for every group: its head and members, and its documents and archive page by page", async () => {
    const groups = await db.group.findMany({ where: { forumId }, select: { id: true, archivedAt: true } });
    let mixed = 0;
    for (const g of groups) {
      const prisma = await getGroupPage(db, forumId, g.id);
      const head = await reads.groupHead(forumId, g.id);
      if (!prisma) {
        expect(head).toBeNull();
        continue;
      }
      const { documents, archivedDocuments, members } = prisma;
      expect(head).toEqual({ id: prisma.id, forumId: prisma.forumId, name: prisma.name, kind: prisma.kind, mandate: prisma.mandate, version: prisma.version, members });
      // Leads first on either database (PostgreSQL's GroupRole enum sorts MEMBER first), each part by name.
      const leads = members.filter((m) => m.role === "LEAD");
      const rest = members.filter((m) => m.role !== "LEAD");
      expect(members).toEqual([...leads, ...rest]);
      for (const part of [leads, rest]) expect(part.map((m) => m.name)).toEqual(part.map((m) => m.name).sort());
      if (leads.length && rest.length) mixed++;
      const all = await reads.groupDocuments(g.id, 0, 10_000);
      expect(all.total).toBe(documents.length);
      const sortAreas = <T extends { targetAreas: { id: string }[] }>(list: T[]) => list.map((d) => ({ ...d, targetAreas: byId(d.targetAreas) }));
      // Ties in updatedAt may come in either order from Prisma: compare as sets, and the order by time.
      expect(byId(sortAreas(all.items))).toEqual(byId(sortAreas(documents)));
      expect(all.items.map((d) => d.updatedAt.getTime())).toEqual(documents.map((d) => d.updatedAt.getTime()));
      const archive = await reads.archivedDocuments(g.id, 0, 10_000);
      expect(archive.total).toBe(archivedDocuments.length);
      expect(byId(archive.items)).toEqual(byId(archivedDocuments));
    }
    expect(mixed).toBeGreaterThan(0);
    expect(await reads.groupHead("another-forum", groups[0]!.id)).toBeNull();
  });
});

describe("access on the group page is read on every request", () => {
  it("a member removed from the group, demoted, or removed from the forum sees it on the next request", async () => {
    const group = await db.group.create({ data: { forumId, kind: "COMPETENCE", name: `Tilgangsgruppe ${Date.now().toString(36)}` } });
    const user = await buildUser(db, forumId, { name: "Tora Tilgang", groupIds: [group.id], forumRole: "PROJECT_LEADER" });
    const client = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const page = `/f/ostfold/groups/${group.id}`;
    // Warm: the page has been rendered for this user, several times.
    for (let i = 0; i < 3; i++) expect(await (await client.fetch(page)).text()).toContain("Du er medlem av denne gruppen.");

    const removed = await admin.fetch(`/api/forums/ostfold/groups/${group.id}/members/${user.id}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    const after = await (await client.fetch(page)).text();
    expect(after).not.toContain("Du er medlem av denne gruppen.");
    // A project leader still works in every group (creates documents): the create form stays.
    expect(after).toContain('name="title"');

    expect((await admin.json(`/api/forums/ostfold/users/${user.id}`, "PATCH", { role: "MEMBER" })).status).toBe(200);
    const demoted = await (await client.fetch(page)).text();
    expect(demoted).toContain("Du kan lese gruppens innhold.");
    expect(demoted).not.toContain('name="title"');

    // Out of the forum (straight in the database, as a script would): 404 on the next request.
    await db.forumMember.deleteMany({ where: { forumId, userId: user.id } });
    expect((await client.fetch(page)).status).toBe(404);
    expect((await client.fetch("/f/ostfold")).status).toBe(404);

    // A disabled account is signed out at once.
    await db.forumMember.create({ data: { forumId, userId: user.id, role: "MEMBER" } });
    expect((await client.fetch(page)).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const res = await client.fetch(page);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/login");
  });
});

describe("a group with a thousand documents", () => {
  it("shows them 30 at a time, newest change first, every document on exactly one page, and each page stays small", async () => {
    const group = await db.group.create({ data: { forumId, kind: "COMPETENCE", name: `Stor gruppe ${Date.now().toString(36)}` } });
    const author = await db.user.findUniqueOrThrow({ where: { email: "prosjektleder@samrad.example" }, select: { id: true } });
    const area = await db.targetArea.findFirstOrThrow({ where: { forumId } });
    const base = Date.UTC(2026, 0, 1);
    const excerpt = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(5).slice(0, 280);
    await db.document.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        id: `bigdoc${group.id}${String(i).padStart(4, "0")}`, forumId, groupId: group.id, kind: "NOTE" as const, title: `Notat ${i}`, excerpt,
        createdById: author.id, updatedAt: new Date(base + i * 60_000),
        archivedAt: i % 10 === 0 ? new Date(base + i * 60_000) : null,
      })),
    });
    await db.documentTargetArea.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ documentId: `bigdoc${group.id}${String(i * 10 + 1).padStart(4, "0")}`, targetAreaId: area.id })) });

    const leader = await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD);
    const page = `/f/ostfold/groups/${group.id}`;
    const seen: string[] = [];
    for (let n = 1; n <= 30; n++) {
      const res = await leader.fetch(n === 1 ? page : `${page}?page=${n}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html.length).toBeLessThan(300_000);
      const titles = [...html.matchAll(/<h3 class="card__title"><a href="[^"]+">(Notat \d+)<\/a>/g)].map((m) => m[1]!);
      expect(titles.length).toBeLessThanOrEqual(30);
      seen.push(...titles);
      if (n === 1) {
        expect(html).toContain("900 dokumenter, sist endret først.");
        expect(html).toContain("Side 1 av 30");
        expect(html).toContain("Side 1 av 5"); // the archive: 100 documents, 20 a page
      }
      if (n === 30) expect(html).not.toContain(`?page=31`);
    }
    const live = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 10 !== 0).reverse().map((i) => `Notat ${i}`);
    expect(seen).toEqual(live);

    // Past the end and nonsense read as the last and the first page.
    expect(await (await leader.fetch(`${page}?page=999`)).text()).toContain("Side 30 av 30");
    expect(await (await leader.fetch(`${page}?page=abc`)).text()).toContain("Side 1 av 30");
    expect(await (await leader.fetch(`${page}?archivePage=5`)).text()).toContain("Side 5 av 5");
  });
});
