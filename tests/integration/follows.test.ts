import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, buildOtherForum, buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { until, yClient, type YClient } from "../support/yjs-client.ts";

// The digest job runs in this process on the server's database; the server's own tick is off
// (global-setup) and its editing stretch is 300 ms (EDIT_STRETCH_GAP_MS), so changes can be counted.
process.env.DATABASE_URL = inject("dbUrl");

const baseUrl = inject("baseUrl");
const GAP_MS = 300;
const minutes = (n: number) => n * 60_000;
let db: Db;
let forumId: string;
let groupId: string;
const open: YClient[] = [];
const people = {} as Record<"ole" | "marte" | "knut", { id: string; client: TestClient }>;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" }, select: { id: true, forumId: true } });
  groupId = group.id;
  forumId = group.forumId;
  for (const [key, email] of [["ole", "relevant2@samrad.example"], ["marte", "relevant1@samrad.example"], ["knut", "styring2@samrad.example"]] as const) {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    people[key] = { id: user.id, client: await signedIn(baseUrl, email, DEMO_PASSWORD) };
  }
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await db.$disconnect();
});

const followPath = (documentId: string, forum = "ostfold") => `/api/forums/${forum}/documents/${documentId}/follow`;

/** A stock y-websocket client of `who`, synced with the document room. */
async function editor(client: TestClient, documentId: string): Promise<YClient> {
  const c = yClient(baseUrl, `document.${documentId}`, { cookie: client.cookieHeader() });
  open.push(c);
  await until(() => c.provider.synced, "client synced");
  return c;
}

async function tallies(documentId: string) {
  const rows = await db.documentEditTally.findMany({ where: { documentId }, select: { userId: true, changes: true } });
  return new Map(rows.map((r) => [r.userId, r.changes]));
}

async function changeNotices(documentId: string) {
  const rows = await db.notification.findMany({ where: { documentId, type: "DOCUMENT_CHANGED" }, orderBy: { createdAt: "asc" }, select: { userId: true, detail: true, createdAt: true } });
  return rows.map((r) => ({ userId: r.userId, detail: JSON.parse(r.detail) as { changes: number; editors: string[] } }));
}

describe("following a document", () => {
  it("members of the owning group follow by default; anyone in the forum may follow or unfollow; the page shows it", async () => {
    const { id } = await buildDocument(db, groupId);
    const page = await people.knut.client.fetch(`/f/ostfold/groups/${groupId}/documents/${id}`);
    expect(await page.text()).toMatch(/aria-pressed="false"[^>]*>.*Følg dokumentet/s);
    const res = await people.knut.client.fetch(followPath(id), { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ following: true });
    const after = await people.knut.client.fetch(`/f/ostfold/groups/${groupId}/documents/${id}`);
    expect(await after.text()).toMatch(/aria-pressed="true"/);
    const off = await people.ole.client.fetch(followPath(id), { method: "DELETE" });
    expect(await off.json()).toEqual({ following: false });
    const audit = await db.auditEvent.findMany({ where: { entityId: id, action: "document.follow" }, select: { actorId: true, after: true } });
    expect(audit).toEqual(
      expect.arrayContaining([
        { actorId: people.knut.id, after: JSON.stringify({ following: true }) },
        { actorId: people.ole.id, after: JSON.stringify({ following: false }) },
      ]),
    );
    await people.ole.client.fetch(followPath(id), { method: "POST" });
  });

  it("refuses a member of another forum (404, also through their own forum) and an anonymous caller (401); nothing written", async () => {
    const { id } = await buildDocument(db, groupId);
    const other = await buildOtherForum(db);
    const outsider = await signedIn(baseUrl, (await db.user.findUniqueOrThrow({ where: { id: other.admin.id }, select: { email: true } })).email, FACTORY_PASSWORD);
    expect((await outsider.fetch(followPath(id), { method: "POST" })).status).toBe(404);
    expect((await outsider.fetch(followPath(id, other.forum.slug), { method: "POST" })).status).toBe(404);
    expect((await new TestClient(baseUrl).fetch(followPath(id), { method: "POST" })).status).toBe(401);
    expect((await new TestClient(baseUrl).fetch(followPath(id), { method: "DELETE" })).status).toBe(401);
    expect(await db.documentFollow.count({ where: { documentId: id } })).toBe(0);
  });
});

describe("grouped change notices", () => {
  it("two members edit: one notice per follower with the others' changes and names; none within the window; opt-out, disabled and departed users get none", async () => {
    const { runChangeDigest } = await import("../../lib/services/change-digest.ts");
    const { followerIds } = await import("../../lib/db/follows.ts");
    const { id } = await buildDocument(db, groupId, { title: "Fagskoletilbud i Østfold" });
    // Knut (steering group) opts in; a group member opts out; another one is disabled; an opted-in user left the forum.
    expect((await people.knut.client.fetch(followPath(id), { method: "POST" })).status).toBe(200);
    const quitter = await buildUser(db, forumId, { groupIds: [groupId], name: "Ola Utmeldt" });
    const quitterClient = await signedIn(baseUrl, quitter.email, FACTORY_PASSWORD);
    expect((await quitterClient.fetch(followPath(id), { method: "DELETE" })).status).toBe(200);
    const disabled = await buildUser(db, forumId, { groupIds: [groupId] });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const departed = await buildUser(db, forumId);
    await db.documentFollow.create({ data: { userId: departed.id, documentId: id, following: true } });
    await db.forumMember.deleteMany({ where: { userId: departed.id } });

    const followers = await followerIds(db, id);
    expect(followers).toEqual(expect.arrayContaining([people.ole.id, people.marte.id, people.knut.id]));
    for (const outside of [quitter.id, disabled.id, departed.id]) expect(followers).not.toContain(outside);

    // Ole: three quick edits (one change), a pause longer than the stretch gap, one more (a second change). Marte: one.
    const ole = await editor(people.ole.client, id);
    const marte = await editor(people.marte.client, id);
    for (const word of ["Første ", "utkast ", "her. "]) ole.doc.getText("t").insert(0, word);
    await new Promise((r) => setTimeout(r, GAP_MS * 2));
    ole.doc.getText("t").insert(0, "Ny runde. ");
    marte.doc.getText("t").insert(0, "Martes innspill. ");
    await until(async () => {
      const t = await tallies(id);
      return t.get(people.ole.id) === 2 && t.get(people.marte.id) === 1;
    }, "tallies stored: Ole 2, Marte 1");

    const t0 = new Date();
    const queued = await runChangeDigest({ now: t0, windowMinutes: 60 });
    const notices = await changeNotices(id);
    expect(queued).toBeGreaterThanOrEqual(3);
    expect(notices).toHaveLength(followers.length);
    expect(new Set(notices.map((n) => n.userId)).size).toBe(notices.length);
    const of = (userId: string) => notices.find((n) => n.userId === userId)?.detail;
    expect(of(people.knut.id)).toEqual({ changes: 3, editors: ["Ole Johansen", "Marte Nilsen"] });
    expect(of(people.marte.id)).toEqual({ changes: 2, editors: ["Ole Johansen"] });
    expect(of(people.ole.id)).toEqual({ changes: 1, editors: ["Marte Nilsen"] });
    for (const outside of [quitter.id, disabled.id, departed.id]) expect(of(outside)).toBeUndefined();
    expect((await tallies(id)).size).toBe(0);
    expect((await db.document.findUniqueOrThrow({ where: { id }, select: { digestedAt: true } })).digestedAt).toEqual(t0);

    // The notifications page reads it in the reader's language and links to the document.
    const html = await (await people.knut.client.fetch("/f/ostfold/notifications")).text();
    expect(html).toContain(`href="/f/ostfold/groups/${groupId}/documents/${id}"`);
    expect(html).toContain("«Fagskoletilbud i Østfold»: 3 endringer av Ole Johansen og Marte Nilsen");

    // More editing within the hour: nothing new until the window has passed; then only Ole's edit, not to Ole.
    ole.doc.getText("t").insert(0, "Enda mer. ");
    await until(async () => (await tallies(id)).get(people.ole.id) === 1, "Ole's new change stored");
    expect(await runChangeDigest({ now: new Date(t0.getTime() + minutes(1)), windowMinutes: 60 })).toBe(0);
    expect(await changeNotices(id)).toHaveLength(followers.length);
    // Two ticks at once after the window: exactly one of them sends.
    const later = new Date(t0.getTime() + minutes(61));
    const [a, b] = await Promise.all([runChangeDigest({ now: later, windowMinutes: 60 }), runChangeDigest({ now: later, windowMinutes: 60 })]);
    expect(a + b).toBe(followers.length - 1);
    const second = (await changeNotices(id)).slice(followers.length);
    expect(second.map((n) => n.userId)).not.toContain(people.ole.id);
    expect(second.find((n) => n.userId === people.knut.id)?.detail).toEqual({ changes: 1, editors: ["Ole Johansen"] });
  });
});
