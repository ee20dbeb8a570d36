// Paged action lists (SQL filters, counts, pages) against the old path: every item loaded, filtered
// and sorted in JavaScript. The same filters must give exactly the same items in the same order,
// on the screen's pages (all pages together) and in the CSV.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { countActionsByGroup, listActions, loadForumItems, loadGroupBoard, loadOpenBoard, type ActionListScope, type BoardItem } from "../../lib/db/actions.ts";
import type { Db } from "../../lib/db/client.ts";
import { translator } from "../../lib/i18n/index.ts";
import { myRoles } from "../../lib/presenters/action.ts";
import { toCsv } from "../../lib/services/csv.ts";
import { pages } from "../../lib/urls.ts";
import { RACI_ROLES } from "../../lib/validation/action.ts";
import { applyFilters, sortActions, type ActionFilters } from "../../lib/services/action-filters.ts";
import { addDays, isOpen, isOverdue, todayInOslo } from "../../lib/time/oslo.ts";
import { ACTION_SORT_KEYS, type ActionSortKey } from "../../lib/validation/action-list.ts";
import { buildOtherForum, buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
const N = 640;
const STATUSES = ["OPEN", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"] as const;
// Titles that sort differently by byte and by Norwegian collation (case, æøå), with repeats for ties.
const WORDS = ["Årsplan", "ærlig", "Øving", "alfa", "Beta", "beta", "Zulu", "øst", "Ærend", "alfa"];

let db: Db;
let forum: { id: string; slug: string };
let groups: string[];
let users: { id: string; email: string }[];
let areas: string[];
let leader: TestClient;
const today = todayInOslo();

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const other = await buildOtherForum(db);
  forum = other.forum;
  const extra = await Promise.all([1, 2].map((k) => db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: `Gruppe ${k}` }, select: { id: true } })));
  const archived = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "Arkivert", archivedAt: new Date() }, select: { id: true } });
  groups = [other.group.id, ...extra.map((g) => g.id)];
  const leaderUser = await buildUser(db, forum.id, { forumRole: "PROJECT_LEADER", groupIds: [groups[0]!] });
  users = [leaderUser, other.admin, ...(await Promise.all([0, 1, 2].map((k) => buildUser(db, forum.id, { groupIds: [groups[k % 3]!], name: ["Åse", "bjørn", "Anne"][k] }))))];
  areas = await Promise.all(["Mål B", "mål a"].map(async (name, k) => (await db.targetArea.create({ data: { forumId: forum.id, name, sortOrder: k }, select: { id: true } })).id));
  const base = Date.now() - N * 1000;
  for (let i = 0; i < N; i++) {
    const status = STATUSES[(i * 7) % 5]!;
    const ownerId = i % 6 === 0 ? null : users[i % users.length]!.id;
    // Due dates around today: overdue, this week, later, none.
    const due = i % 4 === 0 ? null : new Date(`${addDays(today, ((i * 13) % 40) - 20)}T12:00:00Z`);
    const item = await db.actionItem.create({
      data: {
        forumId: forum.id, groupId: i % 17 === 0 ? archived.id : groups[i % 3]!, title: `${WORDS[i % WORDS.length]} ${i % 5 === 0 ? "" : i % 11}`.trim(),
        status, ownerId, dueDate: due, targetAreaId: i % 3 === 0 ? null : areas[i % 2]!, createdById: users[0]!.id,
        closedAt: status === "DONE" || status === "CANCELLED" ? new Date() : null, createdAt: new Date(base + i * 1000),
      },
      select: { id: true },
    });
    const raci: { role: "A" | "R" | "C"; userId?: string; groupId?: string }[] = [];
    if (ownerId) raci.push({ role: "A", userId: ownerId });
    else if (i % 12 === 0) raci.push({ role: "A", groupId: groups[(i + 1) % 3]! });
    if (i % 5 === 1) raci.push({ role: "R", groupId: groups[(i + 2) % 3]! });
    if (i % 7 === 2) raci.push({ role: "R", userId: users[(i + 3) % users.length]!.id });
    if (i % 9 === 3) raci.push({ role: "C", userId: users[(i + 1) % users.length]!.id });
    for (const [k, r] of raci.entries()) {
      await db.responsibility.create({ data: { actionItemId: item.id, role: r.role, userId: r.userId ?? null, groupId: r.groupId ?? null, createdAt: new Date(base + i * 1000 + k) } });
    }
  }
  leader = await signedIn(baseUrl, leaderUser.email, FACTORY_PASSWORD);
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
});

const CLOSED = ["DONE", "CANCELLED"];

/** The old path: every item of the forum (or group), filtered and sorted in JavaScript; closed ones only when asked for. */
function reference(all: BoardItem[], f: ActionFilters, closed: boolean, sort?: ActionSortKey, dir?: "asc" | "desc") {
  const withClosed = closed || (f.status !== undefined && CLOSED.includes(f.status));
  return sortActions(applyFilters(all, f, today), today, sort, dir).filter((i) => withClosed || isOpen(i));
}

async function allPages(scope: ActionListScope, f: ActionFilters, closed: boolean, sort?: ActionSortKey, dir?: "asc" | "desc") {
  const out: BoardItem[] = [];
  let page = 1;
  let pageCount = 1;
  let total = -1;
  let closedCount = -1;
  do {
    const r = await listActions(db, scope, { filters: f, closed, sort, dir, page, pageSize: 50, today });
    expect(r.page).toBe(page);
    expect(r.items.length).toBeLessThanOrEqual(50);
    out.push(...r.items);
    ({ pageCount, total, closedCount } = r);
    page++;
  } while (page <= pageCount);
  return { items: out, total, closedCount };
}

const FILTERS: ActionFilters[] = [
  {}, { status: "BLOCKED" }, { status: "DONE" }, { overdue: true }, { dueThisWeek: true }, { noAccountable: true }, { owner: "none" },
  { targetArea: "AREA0" }, { group: "GROUP1", owner: "USER2" }, { group: "GROUP0", noAccountable: true, targetArea: "AREA1" },
];
const resolve = (f: ActionFilters): ActionFilters => ({
  ...f,
  targetArea: f.targetArea?.replace(/^AREA(\d)$/, (_, k) => areas[Number(k)]!),
  group: f.group?.replace(/^GROUP(\d)$/, (_, k) => groups[Number(k)]!),
  owner: f.owner?.replace(/^USER(\d)$/, (_, k) => users[Number(k)]!.id),
});
const ids = (items: BoardItem[]) => items.map((i) => i.id);

describe("paged action lists give exactly the old path's items", () => {
  it("the overview: every filter, with and without closed items, in the working order and by every table column", async () => {
    const all = await loadForumItems(db, forum.id);
    expect(all.length).toBeGreaterThan(500);
    let compared = 0;
    for (const raw of FILTERS) {
      const f = resolve(raw);
      for (const closed of [false, true]) {
        for (const [sort, dir] of [[undefined, undefined], ...ACTION_SORT_KEYS.flatMap((k) => [[k, "asc"], [k, "desc"]])] as [ActionSortKey | undefined, "asc" | "desc" | undefined][]) {
          const want = reference(all, f, closed, sort, dir);
          const got = await allPages({ forumId: forum.id }, f, closed, sort, dir);
          expect(ids(got.items), JSON.stringify({ raw, closed, sort, dir })).toEqual(ids(want));
          expect(got.total).toBe(want.length);
          expect(got.closedCount).toBe(applyFilters(all, f, today).filter((i) => !isOpen(i)).length);
          compared++;
        }
      }
    }
    expect(compared).toBe(FILTERS.length * 2 * (1 + 2 * ACTION_SORT_KEYS.length));
  }, 120_000);

  it("a group's board and Mine tiltak", async () => {
    for (const g of groups) {
      const all = await loadGroupBoard(db, g);
      for (const closed of [false, true]) {
        expect(ids((await allPages({ forumId: forum.id, groupId: g }, {}, closed)).items)).toEqual(ids(reference(all, {}, closed)));
      }
      // The live room has the group's open items only.
      expect(new Set(ids(await loadOpenBoard(db, g)))).toEqual(new Set(ids(all.filter(isOpen))));
    }
    const all = await loadForumItems(db, forum.id);
    for (const u of users) {
      const viewer = { userId: u.id, role: "MEMBER" as const, groupIds: (await db.membership.findMany({ where: { userId: u.id }, select: { groupId: true } })).map((m) => m.groupId) };
      const mine = all.filter((i) => myRoles(viewer, i).length > 0);
      expect(mine.length).toBeGreaterThan(0);
      for (const closed of [false, true]) {
        expect(ids((await allPages({ forumId: forum.id, mine: { userId: u.id, groupIds: viewer.groupIds } }, {}, closed)).items)).toEqual(ids(reference(mine, {}, closed)));
      }
    }
  }, 60_000);

  it("the overview's counts per group (one GROUP BY) are the old path's", async () => {
    const all = await loadForumItems(db, forum.id);
    const got = await countActionsByGroup(db, forum.id, today);
    const want = [...new Set(all.map((i) => i.groupId))].map((groupId) => {
      const mine = all.filter((i) => i.groupId === groupId);
      return {
        groupId,
        byStatus: Object.fromEntries(STATUSES.map((s) => [s, mine.filter((i) => i.status === s).length])),
        overdue: mine.filter((i) => isOverdue(i, today)).length,
      };
    });
    const byGroup = (xs: { groupId: string }[]) => [...xs].sort((a, b) => a.groupId.localeCompare(b.groupId));
    expect(byGroup(got)).toEqual(byGroup(want));
    expect(want.reduce((n, g) => n + g.overdue, 0)).toBeGreaterThan(0);
  });

  it("past the last page gives the last page; a page is at most 50 items", async () => {
    const r = await listActions(db, { forumId: forum.id }, { filters: {}, closed: true, page: 9999, pageSize: 50, today });
    expect(r.page).toBe(r.pageCount);
    expect(r.items.length).toBe(r.total - (r.pageCount - 1) * 50);
  });

  it("the CSV has every matching item (all pages) in the screen's order", async () => {
    const all = await loadForumItems(db, forum.id);
    const cases: [string, ActionFilters, boolean, ActionSortKey?, ("asc" | "desc")?][] = [
      ["", {}, false],
      ["closed=1", {}, true],
      ["closed=1&sort=owner&dir=desc", {}, true, "owner", "desc"],
      [`status=DONE&sort=title`, { status: "DONE" }, false, "title"],
      [`group=${groups[1]}&overdue=1&sort=accountable`, { group: groups[1] }, false, "accountable"],
    ];
    for (const [search, f, closed, sort, dir] of cases) {
      const filters = { ...f, ...(search.includes("overdue=1") ? { overdue: true } : {}) };
      const res = await leader.fetch(`/api/forums/${forum.slug}/actions.csv?${search}`);
      expect(res.status).toBe(200);
      const lines = (await res.text()).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean).slice(1);
      expect(lines.map((l: string) => l.split(";")[0]), search).toEqual(ids(reference(all, filters, closed, sort, dir)));
    }
  });

  it("the CSV's every cell is what the board items say (the export reads its own columns)", async () => {
    const all = await loadForumItems(db, forum.id);
    const t = translator("nb");
    for (const search of ["closed=1", "closed=1&sort=accountable&dir=desc"]) {
      const res = await leader.fetch(`/api/forums/${forum.slug}/actions.csv?${search}`);
      // Decoded as sent: the byte-order mark included (Response.text() drops it).
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      const origin = new URL(text.split("\r\n")[1]!.split(";").at(-1)!).origin;
      // As the route built it from full board items before it read its own columns.
      const parties = (i: BoardItem, role: (typeof RACI_ROLES)[number]) =>
        i.raci.filter((r) => r.role === role).map((r) => (r.user ? r.user.name : t("actions.groupParty", { name: r.group?.name ?? "" }))).join(", ");
      const items = reference(all, {}, true, search.includes("accountable") ? "accountable" : undefined, search.includes("desc") ? "desc" : undefined);
      const expected = toCsv([
        [
          t("actions.csvId"), t("actions.group"), t("actions.title"), t("actions.status"), t("actions.owner"),
          ...RACI_ROLES.map((r) => t(`raci.${r}`)), t("actions.due"), t("actions.targetArea"), t("actions.description"), t("actions.csvLink"),
        ],
        ...items.map((i) => [
          i.id, i.groupName, i.title, t(`actionStatus.${i.status}`), i.owner?.name ?? "", ...RACI_ROLES.map((r) => parties(i, r)),
          i.dueDate ?? "", i.targetArea?.name ?? "", i.description, `${origin}${pages.actionDetail(forum.slug, i.groupId, i.id)}`,
        ]),
      ]);
      expect(items.some((i) => i.raci.length > 1)).toBe(true);
      expect(text, search).toBe(expected);
    }
  });
});
