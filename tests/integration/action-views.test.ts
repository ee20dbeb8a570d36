import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, FACTORY_PASSWORD, tableCounts, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { until, yClient, type YClient } from "../support/yjs-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let relevant: string;
let lifelong: string;
let otherForumGroup: string;
let ids: Record<"member" | "member2" | "leader", string>;
let c: Record<"member" | "member2" | "leader" | "outsider" | "anonymous", TestClient>;
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const group = async (name: string) => (await db.group.findFirstOrThrow({ where: { name } })).id;
  relevant = await group("Kompetansegruppe relevant kompetanse");
  lifelong = await group("Kompetansegruppe livslang læring");
  const id = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  ids = { member: await id("relevant1@samrad.example"), member2: await id("relevant2@samrad.example"), leader: await id("prosjektleder@samrad.example") };
  const other = await buildOtherForum(db);
  otherForumGroup = other.group.id;
  c = {
    member: await signedIn(baseUrl, "relevant1@samrad.example", DEMO_PASSWORD),
    member2: await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});
afterAll(async () => {
  for (const o of open) o.destroy();
  await db.$disconnect();
});

const BULK = "/api/forums/ostfold/actions/bulk";
const VIEWS = "/api/forums/ostfold/views";

async function create(client: TestClient, groupId: string, body: object = {}) {
  const res = await client.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", { title: `Tiltak ${Date.now()}-${Math.random()}`, ...body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { item: { id: string; version: number; title: string } }).item;
}
const itemRow = (id: string) => db.actionItem.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, ownerId: true, dueDate: true } });

describe("bulk changes", () => {
  it("changes what each item's policy and version allow, lists the rest with the reason, audits each change and updates the live board", async () => {
    const mine = [await create(c.member, relevant), await create(c.member, relevant)];
    const stale = await create(c.member, relevant);
    const foreign = await create(c.leader, lifelong);
    // Someone else moves one item on: the bulk request still names its old version.
    expect((await c.member2.json(`/api/forums/ostfold/actions/${stale.id}`, "PATCH", { title: "Endret i mellomtiden", version: stale.version })).status).toBe(200);

    const board = yClient(baseUrl, `board.${relevant}`, { cookie: c.leader.cookieHeader() });
    open.push(board);
    await until(() => board.provider.synced, "board synced");
    const auditBefore = await db.auditEvent.count({ where: { action: "action.update" } });

    const res = await c.member.json(BULK, "POST", {
      items: [...mine, stale, foreign].map((i) => ({ id: i.id, version: i.version })),
      change: { status: "DONE" },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { changed: number; refused: { id: string; code: string; message: string }[] };
    expect(body.changed).toBe(2);
    expect(body.refused).toEqual([
      { id: stale.id, code: "stale", message: "Noen andre endret dette mens du redigerte. Ingenting ble lagret." },
      { id: foreign.id, code: "forbidden", message: "Du har ikke tilgang til dette." },
    ]);
    for (const i of mine) expect(await itemRow(i.id)).toMatchObject({ status: "DONE", version: i.version + 1 });
    expect(await itemRow(stale.id)).toMatchObject({ status: "OPEN", version: stale.version + 1 });
    expect(await itemRow(foreign.id)).toMatchObject({ status: "OPEN", version: foreign.version });
    // One audit event per changed item, as a single edit writes.
    expect(await db.auditEvent.count({ where: { action: "action.update" } })).toBe(auditBefore + 2);
    for (const i of mine) expect(await db.auditEvent.count({ where: { action: "action.update", entityId: i.id } })).toBe(1);
    // The live board replicates open items: the closed ones leave it.
    await until(() => mine.every((i) => !board.doc.getMap("items").has(i.id)), "the live board shows the changes");
  });

  it("sets or clears the owner and the due date of several items", async () => {
    const items = [await create(c.member, relevant), await create(c.member, relevant)];
    let res = await c.leader.json(BULK, "POST", { items: items.map((i) => ({ id: i.id, version: i.version })), change: { ownerId: ids.member2 } });
    expect(((await res.json()) as { changed: number }).changed).toBe(2);
    for (const i of items) expect((await itemRow(i.id)).ownerId).toBe(ids.member2);
    res = await c.leader.json(BULK, "POST", { items: items.map((i) => ({ id: i.id, version: i.version + 1 })), change: { dueDate: "2031-03-01" } });
    expect(((await res.json()) as { changed: number }).changed).toBe(2);
    for (const i of items) expect((await itemRow(i.id)).dueDate?.toISOString().slice(0, 10)).toBe("2031-03-01");
    res = await c.leader.json(BULK, "POST", { items: items.map((i) => ({ id: i.id, version: i.version + 2 })), change: { dueDate: null } });
    expect(((await res.json()) as { changed: number }).changed).toBe(2);
    for (const i of items) expect((await itemRow(i.id)).dueDate).toBeNull();
  });

  it("refuses bad input with 400 and a readable message, and changes nothing", async () => {
    const item = await create(c.member, relevant);
    const one = [{ id: item.id, version: item.version }];
    for (const body of [
      {},
      { items: [], change: { status: "DONE" } },
      { items: one, change: {} },
      { items: one, change: { status: "MAYBE" } },
      { items: one, change: { status: "DONE", ownerId: null } },
      { items: one, change: { title: "Nytt navn" } },
      { items: one, change: { dueDate: "2026-02-31" } },
      { items: [...one, ...one], change: { status: "DONE" } },
      { items: one, change: { ownerId: "abcdefgh12345678" } },
      { items: Array.from({ length: 201 }, (_, k) => ({ id: `abcdefgh${String(k).padStart(8, "0")}`, version: 1 })), change: { status: "DONE" } },
    ]) {
      const before = { ...(await tableCounts(db)), row: await itemRow(item.id) };
      const res = await c.member.json(BULK, "POST", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^(Ugyldige data: .+|Personen er ikke medlem av forumet\.)$/);
      expect({ ...(await tableCounts(db)), row: await itemRow(item.id) }).toEqual(before);
    }
  });

  it("is closed to outsiders and anonymous callers, and an item of another forum is not found", async () => {
    const item = await create(c.member, relevant);
    const body = { items: [{ id: item.id, version: item.version }], change: { status: "DONE" } };
    expect((await c.anonymous.json(BULK, "POST", body)).status).toBe(401);
    expect((await c.outsider.json(BULK, "POST", body)).status).toBe(404);
    const res = await c.outsider.json(`/api/forums/${(await db.forum.findFirstOrThrow({ where: { groups: { some: { id: otherForumGroup } } } })).slug}/actions/bulk`, "POST", body);
    expect(((await res.json()) as { refused: { code: string }[] }).refused).toEqual([expect.objectContaining({ code: "not_found" })]);
    expect((await itemRow(item.id)).status).toBe("OPEN");
  });
});

describe("saved views", () => {
  it("saves, lists and deletes one's own views; names are unique per list; others neither see nor delete them", async () => {
    const query = `status=BLOCKED&view=table&group=${lifelong}`;
    let res = await c.member.json(VIEWS, "POST", { name: "Stoppet i livslang", scope: "overview", query });
    expect(res.status).toBe(201);
    const { view } = (await res.json()) as { view: { id: string; query: string; url: string } };
    // Stored in canonical order, and opened as a plain overview URL.
    expect(view.query).toBe(`view=table&group=${lifelong}&status=BLOCKED`);
    expect(view.url).toBe(`/f/ostfold/actions?view=table&group=${lifelong}&status=BLOCKED`);

    res = await c.member.json(VIEWS, "POST", { name: "Stoppet i livslang", scope: "overview", query: "" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("Du har allerede en visning med dette navnet for denne listen.");
    // The same name for another list is fine.
    expect((await c.member.json(VIEWS, "POST", { name: "Stoppet i livslang", scope: `group:${relevant}`, query: "view=board" })).status).toBe(201);

    const list = async (client: TestClient, scope: string) => ((await (await client.fetch(`${VIEWS}?scope=${scope}`)).json()) as { views: { id: string; name: string }[] }).views;
    expect((await list(c.member, "overview")).map((v) => v.name)).toContain("Stoppet i livslang");
    expect((await list(c.member2, "overview")).map((v) => v.id)).not.toContain(view.id);

    const count = await db.savedView.count();
    expect((await c.member2.fetch(`${VIEWS}/${view.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await c.outsider.fetch(`${VIEWS}/${view.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await db.savedView.count()).toBe(count);
    expect((await c.member.fetch(`${VIEWS}/${view.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await db.savedView.count()).toBe(count - 1);
    expect((await c.member.fetch(`${VIEWS}/${view.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses a bad name, scope or query with 400 (and a group of another forum with 404); nothing is saved", async () => {
    const count = await db.savedView.count();
    for (const body of [
      { name: "", scope: "overview", query: "" },
      { name: "x".repeat(81), scope: "overview", query: "" },
      { name: "Gyldig", scope: "everything", query: "" },
      { name: "Gyldig", scope: "overview", query: "status=MAYBE" },
      { name: "Gyldig", scope: "overview", query: "evil=1" },
      { name: "Gyldig", scope: "overview", query: `group=${"a".repeat(1000)}` },
      { name: "Gyldig", scope: "overview", query: "", userId: ids.leader },
    ]) {
      const res = await c.member.json(VIEWS, "POST", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Ugyldige data: .+/);
    }
    expect((await c.member.json(VIEWS, "POST", { name: "Annet forum", scope: `group:${otherForumGroup}`, query: "" })).status).toBe(404);
    expect((await c.member.fetch(`${VIEWS}?scope=group:${otherForumGroup}`)).status).toBe(404);
    expect((await c.member.fetch(`${VIEWS}?scope=nonsense`)).status).toBe(400);
    expect((await c.anonymous.json(VIEWS, "POST", { name: "Gyldig", scope: "overview", query: "" })).status).toBe(401);
    expect((await c.outsider.json(VIEWS, "POST", { name: "Gyldig", scope: "overview", query: "" })).status).toBe(404);
    expect(await db.savedView.count()).toBe(count);
  });
});

/** The cells of a semicolon-separated CSV with quoted fields, row by row. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("CSV export", () => {
  it("has the id, the R/A/C/I parties (groups as «Gruppe: X») and an absolute link; follows the filters; keeps formulas inert", async () => {
    const title = `=HYPERLINK("http://evil.example";"klikk") ${Date.now()}`;
    const item = await create(c.member, relevant, { title, ownerId: ids.member2, description: "+1 og @sum" });
    expect((await c.member.json(`/api/forums/ostfold/actions/${item.id}/raci`, "PUT", {
      assignments: [{ userId: ids.member, role: "R" }, { userId: ids.member2, role: "A" }, { groupId: lifelong, role: "C" }, { userId: ids.leader, role: "I" }, { groupId: relevant, role: "I" }],
    })).status).toBe(200);

    const res = await c.leader.fetch(`/api/forums/ostfold/actions.csv?group=${relevant}&view=table&sort=title&dir=desc`);
    expect(res.status).toBe(200);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["Id", "Gruppe", "Tittel", "Status", "Eier", "Utfører (R)", "Ansvarlig (A)", "Konsulteres (C)", "Informeres (I)", "Frist", "Målområde", "Beskrivelse", "Lenke"]);
    const row = rows.find((r) => r[0] === item.id)!;
    expect(row).toEqual([
      item.id, "Kompetansegruppe relevant kompetanse", `'${title}`, "Åpen", "Ole Johansen",
      expect.any(String), "Ole Johansen", "Gruppe: Kompetansegruppe livslang læring", expect.stringContaining("Gruppe: Kompetansegruppe relevant kompetanse"), "", "", "'+1 og @sum",
      `http://localhost:${new URL(baseUrl).port}/f/ostfold/groups/${relevant}/actions/${item.id}`,
    ]);
    expect(row[5]).toBe((await db.user.findUniqueOrThrow({ where: { id: ids.member } })).name);
    expect(row[8]).toContain((await db.user.findUniqueOrThrow({ where: { id: ids.leader } })).name);
    // Only the group asked for, in the table's order (title, descending).
    const body = rows.slice(1).filter((r) => r.length > 1);
    expect(body.every((r) => r[1] === "Kompetansegruppe relevant kompetanse")).toBe(true);
    const titles = body.map((r) => r[2]!.replace(/^'/, ""));
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, "nb")));
    // No cell can start a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
