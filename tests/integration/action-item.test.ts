import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { findForumAccess, type ForumAccess } from "../../lib/db/forums.ts";
import { translator } from "../../lib/i18n/index.ts";
import { actionHistoryFor } from "../../lib/services/action-history.ts";
import { AppError } from "../../lib/services/errors.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

// The single action: owner and Accountable as one (the move command, owner edits and RACI edits
// keep them together) and its history (who may read it, and that it reads as words).

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let ids: Record<"member" | "member2" | "leader" | "otherGroup", string>;
let c: Record<"member" | "otherGroup" | "outsider", TestClient>;
let outsider: { forumId: string; userId: string };

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
  const id = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  ids = {
    member: await id("relevant1@samrad.example"), member2: await id("relevant2@samrad.example"),
    leader: await id("prosjektleder@samrad.example"), otherGroup: await id("livslang2@samrad.example"),
  };
  const other = await buildOtherForum(db);
  outsider = { forumId: other.forum.id, userId: other.admin.id };
  c = {
    member: await signedIn(baseUrl, "relevant1@samrad.example", DEMO_PASSWORD),
    otherGroup: await signedIn(baseUrl, "livslang2@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
  };
});
afterAll(async () => {
  await db.$disconnect();
});

const itemPath = (id: string) => `/api/forums/ostfold/actions/${id}`;
type Item = { id: string; version: number; owner: { id: string } | null; raci: { role: string; user: { id: string } | null; group: { id: string } | null }[] };

async function create(body: object = {}): Promise<Item> {
  const res = await c.member.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", { title: `Tiltak ${Date.now()}-${Math.random()}`, ...body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { item: Item }).item;
}
const stored = async (id: string) => ({
  item: await db.actionItem.findUniqueOrThrow({ where: { id }, select: { ownerId: true, version: true } }),
  raci: (await db.responsibility.findMany({ where: { actionItemId: id }, select: { role: true, userId: true, groupId: true } }))
    .map((r) => `${r.role}:${r.userId ?? `g:${r.groupId}`}`).sort(),
  audit: await db.auditEvent.count({ where: { entityId: id } }),
});

describe("moving the Accountable (POST …/accountable)", () => {
  it("moves A to another person in one step: the one before becomes R, the owner follows, one audit event", async () => {
    const item = await create({ ownerId: ids.member });
    const put = await c.member.json(`${itemPath(item.id)}/raci`, "PUT", { version: 1, assignments: [{ userId: ids.member, role: "A" }, { userId: ids.member2, role: "C" }] });
    expect(put.status).toBe(200);
    const before = await stored(item.id);
    const res = await c.member.json(`${itemPath(item.id)}/accountable`, "POST", { userId: ids.member2, version: before.item.version });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { item: Item };
    expect(body.item.owner?.id).toBe(ids.member2);
    const after = await stored(item.id);
    expect(after.raci).toEqual([`A:${ids.member2}`, `R:${ids.member}`].sort());
    expect(after.item).toEqual({ ownerId: ids.member2, version: before.item.version + 1 });
    expect(after.audit).toBe(before.audit + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id }, orderBy: { id: "desc" } });
    expect(event.action).toBe("action.raci");
    expect((JSON.parse(event.after!) as string[]).sort()).toEqual(["A:Ole Johansen", "R:Marte Nilsen"]);
    // The new Accountable (and owner) is told.
    expect(await db.notification.count({ where: { userId: ids.member2, actionItemId: item.id, type: "ASSIGNED" } })).toBe(1);
  });

  it("to a whole group: the group is A, the person before is R, and the action has no owner (an owner is a person)", async () => {
    const item = await create({ ownerId: ids.member });
    const res = await c.member.json(`${itemPath(item.id)}/accountable`, "POST", { groupId, version: 1 });
    expect(res.status).toBe(200);
    const after = await stored(item.id);
    expect(after.raci).toEqual([`A:g:${groupId}`, `R:${ids.member}`].sort());
    expect(after.item.ownerId).toBeNull();
  });

  it("refuses bad input, a stale version, strangers and those who may not set RACI, and changes nothing", async () => {
    const item = await create({ ownerId: ids.member });
    const path = `${itemPath(item.id)}/accountable`;
    const cases: [TestClient, object, number][] = [
      [c.member, { version: 1 }, 400], // no party
      [c.member, { version: 1, userId: ids.member2, groupId }, 400], // two parties
      [c.member, { version: 1, userId: outsider.userId }, 400], // not in this forum
      [c.member, { version: 1, userId: ids.member2, extra: true }, 400],
      [c.member, { version: 7, userId: ids.member2 }, 409], // stale
      [c.otherGroup, { version: 1, userId: ids.member2 }, 403],
      [c.outsider, { version: 1, userId: ids.member2 }, 404],
    ];
    const before = { ...(await stored(item.id)), tables: await tableCounts(db) };
    for (const [client, body, status] of cases) {
      const res = await client.json(path, "POST", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (status === 400) expect(((await res.json()) as { error: { message: string } }).error.message).not.toMatch(/^\w+:/);
    }
    expect({ ...(await stored(item.id)), tables: await tableCounts(db) }).toEqual(before);
  });

  it("asking for the one who already is A changes nothing", async () => {
    const item = await create({ ownerId: ids.member });
    const before = await stored(item.id);
    expect((await c.member.json(`${itemPath(item.id)}/accountable`, "POST", { userId: ids.member, version: 1 })).status).toBe(200);
    expect(await stored(item.id)).toEqual(before);
  });
});

describe("owner and Accountable stay one", () => {
  it("a new owner (PATCH) is the new A; the owner before stays as R", async () => {
    const item = await create({ ownerId: ids.member });
    expect((await c.member.json(itemPath(item.id), "PATCH", { ownerId: ids.member2, version: 1 })).status).toBe(200);
    expect((await stored(item.id)).raci).toEqual([`A:${ids.member2}`, `R:${ids.member}`].sort());
    expect((await c.member.json(itemPath(item.id), "PATCH", { ownerId: null, version: 2 })).status).toBe(200);
    expect((await stored(item.id)).raci).toEqual([`R:${ids.member2}`, `R:${ids.member}`].sort());
  });

  it("a RACI list with a person as A makes that person the owner; with none, nobody owns it", async () => {
    const item = await create({ ownerId: ids.member });
    expect((await c.member.json(`${itemPath(item.id)}/raci`, "PUT", { assignments: [{ userId: ids.leader, role: "A" }, { userId: ids.member, role: "R" }] })).status).toBe(200);
    expect((await stored(item.id)).item.ownerId).toBe(ids.leader);
    expect((await c.member.json(`${itemPath(item.id)}/raci`, "PUT", { assignments: [{ userId: ids.member, role: "R" }] })).status).toBe(200);
    expect((await stored(item.id)).item.ownerId).toBeNull();
  });
});

describe("an action's history", () => {
  const t = translator("nb");
  const access = async (userId: string, forumId: string): Promise<ForumAccess> => (await findForumAccess(db, userId, { id: forumId }))!;

  it("reads as sentences with names, never ids or JSON, newest first", async () => {
    const item = await create({ ownerId: ids.member });
    const forumId = (await db.actionItem.findUniqueOrThrow({ where: { id: item.id } })).forumId;
    expect((await c.member.json(itemPath(item.id), "PATCH", { status: "IN_PROGRESS", version: 1 })).status).toBe(200);
    expect((await c.member.json(itemPath(item.id), "PATCH", { dueDate: "2030-01-15", description: "Linje én\nLinje to", version: 2 })).status).toBe(200);
    expect((await c.member.json(`${itemPath(item.id)}/accountable`, "POST", { userId: ids.member2, version: 3 })).status).toBe(200);
    expect((await c.member.json(`${itemPath(item.id)}/threads`, "POST", { body: "Hvem tar kontakt?" })).status).toBe(201);

    const entries = await actionHistoryFor(db, await access(ids.otherGroup, forumId), item.id, t, "nb");
    expect(entries.map((e) => e.text)).toEqual([
      "Marte Nilsen startet en samtale",
      "Marte Nilsen endret ansvarsmatrisen: Ole Johansen ble ansvarlig (A) og eier; Marte Nilsen ble utfører (R)",
      "Marte Nilsen endret beskrivelsen",
      "Marte Nilsen satte fristen til 15. jan. 2030",
      "Marte Nilsen satte status til Pågår",
      "Marte Nilsen opprettet tiltaket med Marte Nilsen som eier og ansvarlig (A)",
    ]);
    for (const e of entries) {
      expect(e.text).not.toMatch(/[{}[\]]|[a-z0-9]{20,}/);
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    }
    expect(entries[0]!.threadId).toBeTruthy();
  });

  it("is not there for a member of another forum (404), as the action itself is not", async () => {
    const item = await create();
    const outsiderAccess = await access(outsider.userId, outsider.forumId);
    await expect(actionHistoryFor(db, outsiderAccess, item.id, t, "nb")).rejects.toSatisfy((e) => e instanceof AppError && e.code === "not_found");
    expect((await c.outsider.fetch(itemPath(item.id))).status).toBe(404);
  });
});
