import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { until, yClient, type YClient } from "../support/yjs-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let ids: Record<"member" | "member2" | "leader" | "steering" | "otherGroup", string>;
let c: Record<"member" | "leader" | "steering" | "otherGroup" | "outsider" | "anonymous", TestClient>;
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
  const id = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  ids = {
    member: await id("relevant1@samrad.example"), member2: await id("relevant2@samrad.example"), leader: await id("prosjektleder@samrad.example"),
    steering: await id("styring1@samrad.example"), otherGroup: await id("livslang2@samrad.example"),
  };
  const other = await buildOtherForum(db);
  c = {
    member: await signedIn(baseUrl, "relevant1@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    steering: await signedIn(baseUrl, "styring1@samrad.example", DEMO_PASSWORD),
    otherGroup: await signedIn(baseUrl, "livslang2@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});
afterAll(async () => {
  for (const o of open) o.destroy();
  await db.$disconnect();
});

const boardPath = () => `/api/forums/ostfold/groups/${groupId}/actions`;
const itemPath = (id: string) => `/api/forums/ostfold/actions/${id}`;
const versionOf = async (id: string) => (await db.actionItem.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const counts = async () => ({ items: await db.actionItem.count(), raci: await db.responsibility.count(), ...(await tableCounts(db)) });

async function createAs(client: TestClient, body: object = {}) {
  const res = await client.json(boardPath(), "POST", { title: `Tiltak ${Date.now()}-${Math.random()}`, ...body });
  return { res, item: res.status === 201 ? ((await res.json()) as { item: { id: string } }).item : null };
}

describe("who may read and change a group's board", () => {
  it("every member of the forum reads it; outsiders and anonymous callers do not", async () => {
    for (const who of ["member", "leader", "steering", "otherGroup"] as const) expect((await c[who].fetch(boardPath())).status, who).toBe(200);
    expect((await c.outsider.fetch(boardPath())).status).toBe(404);
    expect((await c.anonymous.fetch(boardPath())).status).toBe(401);
  });

  it("group members and the project leader create and change items; others cannot, and nothing is written", async () => {
    const { res, item } = await createAs(c.member, { ownerId: ids.member2 });
    expect(res.status).toBe(201);
    expect((await createAs(c.leader)).res.status).toBe(201);
    expect((await c.leader.json(itemPath(item!.id), "PATCH", { status: "IN_PROGRESS", version: 1 })).status).toBe(200);
    for (const [who, status] of [["otherGroup", 403], ["steering", 403], ["outsider", 404], ["anonymous", 401]] as const) {
      const before = await counts();
      expect((await createAs(c[who])).res.status, who).toBe(status);
      expect((await c[who].json(itemPath(item!.id), "PATCH", { title: "Kapret", version: 2 })).status, who).toBe(status);
      expect((await c[who].json(`${itemPath(item!.id)}/raci`, "PUT", { assignments: [] })).status, who).toBe(status);
      expect(await counts()).toEqual(before);
    }
  });

  it("rejects malformed input with 400 and a readable message; nothing is written", async () => {
    const { item } = await createAs(c.member);
    for (const [path, method, body] of [
      [boardPath(), "POST", {}],
      [boardPath(), "POST", { title: "Gyldig tittel", status: "MAYBE" }],
      [boardPath(), "POST", { title: "Gyldig tittel", dueDate: "2026-13-45" }],
      [boardPath(), "POST", { title: "Gyldig tittel", ownerId: "abcdefgh12345678" }],
      [boardPath(), "POST", { title: "Gyldig tittel", unknown: true }],
      [boardPath(), "POST", { title: "Gyldig tittel", anchor: { documentId: "abcdefgh12345678", blockId: "x" } }],
      [itemPath(item!.id), "PATCH", {}],
      [itemPath(item!.id), "PATCH", { version: 1 }],
      [itemPath(item!.id), "PATCH", { title: "Uten versjon" }],
      [itemPath(item!.id), "PATCH", { dueDate: "i morgen", version: 1 }],
      [`${itemPath(item!.id)}/raci`, "PUT", { assignments: [{ role: "A" }] }],
    ] as const) {
      const before = await counts();
      const res = await c.member.json(path, method, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^(Ugyldige data: .+|Personen er ikke medlem av forumet.|Dokumentet finnes ikke i denne gruppen.)$/);
      expect(await counts()).toEqual(before);
    }
  });
});

describe("responsibilities (RACI)", () => {
  it("refuses two Accountables and keeps the list as it was", async () => {
    const { item } = await createAs(c.member, { ownerId: ids.member });
    const before = await db.responsibility.findMany({ where: { actionItemId: item!.id } });
    const res = await c.member.json(`${itemPath(item!.id)}/raci`, "PUT", {
      assignments: [{ userId: ids.member, role: "A" }, { userId: ids.member2, role: "A" }],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("bare én ansvarlig (A)");
    expect(await db.responsibility.findMany({ where: { actionItemId: item!.id } })).toEqual(before);
  });

  it("stores people and whole groups with one role each, audited", async () => {
    const { item } = await createAs(c.member);
    const res = await c.member.json(`${itemPath(item!.id)}/raci`, "PUT", {
      assignments: [{ userId: ids.member2, role: "A" }, { userId: ids.member, role: "R" }, { groupId, role: "I" }],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { item: { raci: { role: string; group: { id: string } | null }[] } };
    expect(body.item.raci.map((r) => r.role).sort()).toEqual(["A", "I", "R"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: item!.id, action: "action.raci" } });
    expect(JSON.parse(event.after!)).toContain("A:Ole Johansen");
  });
});

describe("concurrent reassignments", () => {
  it("on the same version: exactly one wins, the rest get 409 with the winner's values, and the audit log holds one step", async () => {
    const { item } = await createAs(c.member, { ownerId: ids.member });
    const owners = [ids.member2, ids.leader, ids.member, ids.member2, ids.leader, ids.member, ids.member2, ids.leader];
    const results = await Promise.all(owners.map((ownerId, i) => (i % 2 ? c.leader : c.member).json(itemPath(item!.id), "PATCH", { ownerId, version: 1 })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(owners.length - 1);
    const winner = owners[statuses.indexOf(200)];
    for (const r of results.filter((x) => x.status === 409)) {
      const body = (await r.json()) as { error: { code: string; current: { owner: { id: string }; version: number } } };
      expect(body.error.code).toBe("stale");
      expect(body.error.current).toMatchObject({ owner: { id: winner }, version: 2 });
    }
    const events = await db.auditEvent.findMany({ where: { entityId: item!.id, action: "action.update" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.after!).ownerId).toBe(winner);
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: item!.id } })).toMatchObject({ ownerId: winner, version: 2 });
  });
});

describe("the board room (stock y-websocket clients)", () => {
  it("carries an API change to every connected client; a client's own write changes nothing", async () => {
    const room = `board.${groupId}`;
    const a = yClient(baseUrl, room, { cookie: c.otherGroup.cookieHeader() });
    const b = yClient(baseUrl, room, { cookie: c.steering.cookieHeader() });
    open.push(a, b);
    await until(() => a.provider.synced && b.provider.synced, "board clients synced");
    const title = `Live ${Date.now()}`;
    const { item } = await createAs(c.member, { title, ownerId: ids.member2 });
    const has = (x: YClient) => (x.doc.getMap("items").get(item!.id) as { title?: string } | undefined)?.title === title;
    await until(() => has(a) && has(b), "both clients see the new item", 1_000);

    expect((await c.member.json(itemPath(item!.id), "PATCH", { status: "IN_PROGRESS", version: await versionOf(item!.id) })).status).toBe(200);
    await until(() => (a.doc.getMap("items").get(item!.id) as { status: string }).status === "IN_PROGRESS", "status change arrives", 1_000);
    // The room replicates open items only: a closed one leaves it (the pages that show closed items read them).
    expect((await c.member.json(itemPath(item!.id), "PATCH", { status: "DONE", version: await versionOf(item!.id) })).status).toBe(200);
    await until(() => !a.doc.getMap("items").has(item!.id) && !b.doc.getMap("items").has(item!.id), "a closed item leaves the room", 1_000);
    // ...into the room's short list of items closed while it was loaded: a view that showed it open (the
    // document editor's markers, a page) hears that it closed, whole, as the database has it.
    const closedIn = (x: YClient) => x.doc.getMap("closed").get(item!.id) as { status: string; title: string } | undefined;
    await until(() => closedIn(a)?.status === "DONE" && closedIn(b)?.status === "DONE", "the closed item is in the room's closed list", 1_000);
    expect(closedIn(a)!.title).toBe(title);

    // A client writes to the board itself: the server drops it.
    a.doc.getMap("items").set(item!.id, { title: "Forfalsket", status: "OPEN" });
    a.doc.getMap("items").set("fake-item", { title: "Falskt tiltak" });
    await new Promise((r) => setTimeout(r, 500));
    expect(b.doc.getMap("items").has(item!.id)).toBe(false);
    expect(b.doc.getMap("items").has("fake-item")).toBe(false);
    const row = await db.actionItem.findUniqueOrThrow({ where: { id: item!.id } });
    expect(row.title).toBe(title);
    expect(row.status).toBe("DONE");

    // A client that reconnects catches up with what it missed.
    b.provider.disconnect();
    await createAs(c.member, { title: `${title} igjen` });
    b.provider.connect();
    await until(() => [...b.doc.getMap("items").values()].some((v) => (v as { title: string }).title === `${title} igjen`), "caught up", 5_000);
    expect(closedIn(b)?.status).toBe("DONE");
    // Reopened: back among the open items, out of the closed list.
    expect((await c.member.json(itemPath(item!.id), "PATCH", { status: "OPEN", version: await versionOf(item!.id) })).status).toBe(200);
    await until(() => a.doc.getMap("items").has(item!.id) && !a.doc.getMap("closed").has(item!.id), "a reopened item is open again in the room", 2_000);
  });

  it("is closed to users of other forums (4403) and to visitors without a session (4401)", async () => {
    const o = yClient(baseUrl, `board.${groupId}`, { cookie: c.outsider.cookieHeader() });
    const n = yClient(baseUrl, `board.${groupId}`);
    open.push(o, n);
    await until(() => o.closeCodes.includes(4403) && n.closeCodes.includes(4401), "refused");
  });
});

describe("responsibilities for recommendations", () => {
  it("are set by the group's members, refused to others, and limited to one Accountable", async () => {
    const doc = await db.document.findFirstOrThrow({ where: { groupId, kind: "RECOMMENDATION" } });
    const path = `/api/forums/ostfold/documents/${doc.id}/raci`;
    const ok = await c.member.json(path, "PUT", { assignments: [{ userId: ids.member, role: "A" }, { groupId, role: "R" }] });
    expect(ok.status).toBe(200);
    expect(await db.responsibility.count({ where: { documentId: doc.id } })).toBe(2);
    expect((await c.member.json(path, "PUT", { assignments: [{ userId: ids.member, role: "A" }, { userId: ids.member2, role: "A" }] })).status).toBe(400);
    expect((await c.steering.json(path, "PUT", { assignments: [] })).status).toBe(403);
    expect((await c.outsider.json(path, "PUT", { assignments: [] })).status).toBe(404);
    expect(await db.responsibility.count({ where: { documentId: doc.id } })).toBe(2);
  });
});

describe("CSV export of the overview", () => {
  it("is UTF-8 with a byte-order mark and semicolons, in Norwegian, with the screen's filters", async () => {
    const title = `Eksport æøå ${Date.now()}`;
    await createAs(c.member, { title, ownerId: ids.member2, dueDate: "2020-01-01" });
    const res = await c.steering.fetch("/api/forums/ostfold/actions.csv?overdue=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="tiltak-ostfold-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Id;Gruppe;Tittel;Status;Eier;Utfører (R);Ansvarlig (A);Konsulteres (C);Informeres (I);Frist;Målområde;Beskrivelse;Lenke");
    const row = lines.find((l) => l.includes(`;Kompetansegruppe relevant kompetanse;${title};Åpen;Ole Johansen;`))!.split(";");
    expect(row[6]).toBe("Ole Johansen");
    expect(row[9]).toBe("2020-01-01");
    // Only overdue items: nothing due in the future.
    for (const line of lines.slice(1).filter(Boolean)) expect(line.split(";")[9]! < new Date().toISOString().slice(0, 10)).toBe(true);
    expect((await c.anonymous.fetch("/api/forums/ostfold/actions.csv")).status).toBe(401);
    expect((await c.outsider.fetch("/api/forums/ostfold/actions.csv")).status).toBe(404);
  });
});
