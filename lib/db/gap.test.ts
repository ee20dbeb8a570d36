import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPeriod, shapeGap, trendPeriods } from "../needs/gap.ts";
import { createDb, type Db } from "./client.ts";
import { listNeedPeriods, loadGapRows, type GapFilter } from "./gap.ts";
import { migrateDatabase } from "./prepare.ts";
import { dropTestDatabase, freshTestDatabase, testDatabase } from "../../tests/support/test-database.ts";

// A small forum worked out by hand: the SQL sums (lib/db/gap.ts) shaped by lib/needs/gap.ts must give
// exactly these figures. Needs of 2026 (gap = demand − supply):
//   n1 A1 Helsefagarbeider Moss   PERSONS         120 /  80 =  40  action IN_PROGRESS      → ACTION
//   n2 A1 Helsefagarbeider Halden PERSONS          60 /  45 =  15  approved recommendation  → RECOMMENDATION
//   n3 A1 Sykepleier       county PERSONS         200 / 150 =  50  approved rec + DONE act  → BOTH
//   n4 A2 Elektriker       Moss   APPRENTICESHIPS  30 /  18 =  12  OPEN action + draft rec  → NONE
//   n5 A2 Elektriker       Halden APPRENTICESHIPS  10 /  12 =  −2  nothing                  → NONE
//   n6 A2 Sykepleier       Moss   STUDY_PLACES     25 / 20.5 = 4.5 nothing                  → NONE
//   n7 archived (999 / 0): never counted.   Another forum's need (1000 / 0): never counted.
// Other periods: 2025 n8 Helsefagarbeider Moss PERSONS 100/90, n9 Sykepleier county PERSONS 180/160;
// 2026-H1 n10 Helsefagarbeider Moss PERSONS 50/30; 2027 n11 Elektriker Moss APPRENTICESHIPS 35/20.
// A real database of the test run's kind (TEST_DATABASE), migrated like the server's.
const database = testDatabase("gap");
let db: Db;
const ids: Record<string, string> = {};

async function rows(filter: GapFilter, period: string | null) {
  const periods = await listNeedPeriods(db, ids.forum!);
  return shapeGap(await loadGapRows(db, ids.forum!, { filter, period, trendPeriods: trendPeriods(periods, { like: period }), needLimit: 50 }));
}

beforeAll(async () => {
  await freshTestDatabase(database);
  await migrateDatabase(database.url);
  db = createDb(database.url);
  const user = await db.user.create({ data: { email: "a@example.org", name: "A", passwordHash: "x" } });
  const forum = await db.forum.create({ data: { slug: "f", name: "F" } });
  const other = await db.forum.create({ data: { slug: "o", name: "O" } });
  const group = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "G" } });
  const otherGroup = await db.group.create({ data: { forumId: other.id, kind: "COMPETENCE", name: "G" } });
  const a1 = await db.targetArea.create({ data: { forumId: forum.id, name: "A1" } });
  const a2 = await db.targetArea.create({ data: { forumId: forum.id, name: "A2" } });
  const moss = await db.region.create({ data: { forumId: forum.id, name: "Moss" } });
  const halden = await db.region.create({ data: { forumId: forum.id, name: "Halden" } });
  Object.assign(ids, { forum: forum.id, group: group.id, a1: a1.id, a2: a2.id, moss: moss.id, halden: halden.id, user: user.id });

  const need = async (key: string, d: { area: string; field: string; region: string | null; unit: string; demand: number; supply: number; period?: string; archived?: boolean; forumId?: string; groupId?: string }) => {
    const row = await db.need.create({
      data: {
        forumId: d.forumId ?? forum.id, groupId: d.groupId ?? group.id, targetAreaId: d.area, title: `Need ${key}`, field: d.field, regionId: d.region,
        period: d.period ?? "2026", demand: d.demand, supply: d.supply, unit: d.unit, createdById: user.id, archivedAt: d.archived ? new Date() : null,
      },
    });
    ids[key] = row.id;
    return row.id;
  };
  const action = async (status: "OPEN" | "IN_PROGRESS" | "DONE") =>
    (await db.actionItem.create({ data: { forumId: forum.id, groupId: group.id, title: `Action ${status}`, status, createdById: user.id } })).id;
  const recommendation = async (approved: boolean) => {
    const doc = await db.document.create({ data: { forumId: forum.id, groupId: group.id, kind: "RECOMMENDATION", title: "R", createdById: user.id } });
    if (approved) {
      const v = await db.documentVersion.create({ data: { documentId: doc.id, number: 1, kind: "SUBMISSION", state: Buffer.from([0]), sha256: "x", html: "", text: "", createdById: user.id } });
      await db.document.update({ where: { id: doc.id }, data: { approvedVersionId: v.id, status: "APPROVED" } });
    }
    return doc.id;
  };
  const link = (needId: string, target: { documentId?: string; actionItemId?: string }) => db.needLink.create({ data: { needId, ...target, createdById: user.id } });

  const n1 = await need("n1", { area: a1.id, field: "Helsefagarbeider", region: moss.id, unit: "PERSONS", demand: 120, supply: 80 });
  const n2 = await need("n2", { area: a1.id, field: "Helsefagarbeider", region: halden.id, unit: "PERSONS", demand: 60, supply: 45 });
  const n3 = await need("n3", { area: a1.id, field: "Sykepleier", region: null, unit: "PERSONS", demand: 200, supply: 150 });
  const n4 = await need("n4", { area: a2.id, field: "Elektriker", region: moss.id, unit: "APPRENTICESHIPS", demand: 30, supply: 18 });
  await need("n5", { area: a2.id, field: "Elektriker", region: halden.id, unit: "APPRENTICESHIPS", demand: 10, supply: 12 });
  await need("n6", { area: a2.id, field: "Sykepleier", region: moss.id, unit: "STUDY_PLACES", demand: 25, supply: 20.5 });
  await need("n7", { area: a1.id, field: "Helsefagarbeider", region: moss.id, unit: "PERSONS", demand: 999, supply: 0, archived: true });
  await need("x", { area: a1.id, field: "Helsefagarbeider", region: null, unit: "PERSONS", demand: 1000, supply: 0, forumId: other.id, groupId: otherGroup.id });
  await need("n8", { area: a1.id, field: "Helsefagarbeider", region: moss.id, unit: "PERSONS", demand: 100, supply: 90, period: "2025" });
  await need("n9", { area: a1.id, field: "Sykepleier", region: null, unit: "PERSONS", demand: 180, supply: 160, period: "2025" });
  await need("n10", { area: a1.id, field: "Helsefagarbeider", region: moss.id, unit: "PERSONS", demand: 50, supply: 30, period: "2026-H1" });
  await need("n11", { area: a2.id, field: "Elektriker", region: moss.id, unit: "APPRENTICESHIPS", demand: 35, supply: 20, period: "2027" });

  await link(n1, { actionItemId: await action("IN_PROGRESS") });
  await link(n2, { documentId: await recommendation(true) });
  await link(n3, { documentId: await recommendation(true) });
  await link(n3, { actionItemId: await action("DONE") });
  ids.openAction = await action("OPEN");
  await link(n4, { actionItemId: ids.openAction });
  await link(n4, { documentId: await recommendation(false) });
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await dropTestDatabase(database);
});

describe("the gap of a period, by hand", () => {
  it("keeps every unit apart and sums by field, region and target area", async () => {
    const r = await rows({}, "2026");
    expect(r.units.map((u) => u.unit)).toEqual(["PERSONS", "APPRENTICESHIPS", "STUDY_PLACES"]);
    const [persons, apprenticeships, study] = r.units;
    expect(persons!.totals).toEqual({ needs: 3, demand: 380, supply: 275, gap: 105 });
    expect(apprenticeships!.totals).toEqual({ needs: 2, demand: 40, supply: 30, gap: 10 });
    expect(study!.totals).toEqual({ needs: 1, demand: 25, supply: 20.5, gap: 4.5 });

    expect(persons!.byField).toEqual([
      { field: "Helsefagarbeider", needs: 2, demand: 180, supply: 125, gap: 55 },
      { field: "Sykepleier", needs: 1, demand: 200, supply: 150, gap: 50 },
    ]);
    expect(persons!.byRegion).toEqual([
      { regionId: null, needs: 1, demand: 200, supply: 150, gap: 50 },
      { regionId: ids.moss, needs: 1, demand: 120, supply: 80, gap: 40 },
      { regionId: ids.halden, needs: 1, demand: 60, supply: 45, gap: 15 },
    ]);
    expect(apprenticeships!.byRegion).toEqual([
      { regionId: ids.moss, needs: 1, demand: 30, supply: 18, gap: 12 },
      { regionId: ids.halden, needs: 1, demand: 10, supply: 12, gap: -2 },
    ]);
    expect(persons!.byArea).toEqual([{ targetAreaId: ids.a1, needs: 3, demand: 380, supply: 275, gap: 105 }]);
    expect(apprenticeships!.byArea).toEqual([{ targetAreaId: ids.a2, needs: 2, demand: 40, supply: 30, gap: 10 }]);
  });

  it("ranks the largest gaps and leaves out fields with none", async () => {
    const r = await rows({}, "2026");
    expect(r.units[0]!.largest.map((f) => [f.field, f.gap])).toEqual([["Helsefagarbeider", 55], ["Sykepleier", 50]]);
    expect(r.units[1]!.largest.map((f) => [f.field, f.gap])).toEqual([["Elektriker", 10]]);
    const oneField = await loadGapRows(db, ids.forum!, { filter: { regionId: ids.halden }, period: "2026", trendPeriods: [], needLimit: 50 });
    // Halden's apprenticeships have more supply than demand: no "largest gap" there.
    expect(shapeGap(oneField).units.find((u) => u.unit === "APPRENTICESHIPS")!.largest).toEqual([]);
  });

  it("draws the trend over the years, per unit, and over half-years only when a half-year is in view", async () => {
    const r = await rows({}, "2026");
    expect(r.units[0]!.trend).toEqual([
      { period: "2025", needs: 2, demand: 280, supply: 250, gap: 30 },
      { period: "2026", needs: 3, demand: 380, supply: 275, gap: 105 },
    ]);
    expect(r.units[1]!.trend.map((p) => [p.period, p.gap])).toEqual([["2026", 10], ["2027", 15]]);
    const half = await rows({}, "2026-H1");
    expect(half.units.map((u) => u.unit)).toEqual(["PERSONS"]);
    expect(half.units[0]!.totals).toEqual({ needs: 1, demand: 50, supply: 30, gap: 20 });
    expect(half.units[0]!.trend.map((p) => p.period)).toEqual(["2026-H1"]);
  });

  it("counts coverage: uncovered first, an approved recommendation, an action under way, both", async () => {
    const r = await rows({}, "2026");
    expect(r.coverageCounts).toEqual({ NONE: 3, ACTION: 1, RECOMMENDATION: 1, BOTH: 1 });
    expect(r.units[0]!.coverage.map((c) => [c.coverage, c.needs, c.gap])).toEqual([["NONE", 0, 0], ["ACTION", 1, 40], ["RECOMMENDATION", 1, 15], ["BOTH", 1, 50]]);
    expect(r.units[1]!.coverage.map((c) => [c.coverage, c.needs, c.gap])).toEqual([["NONE", 2, 10], ["ACTION", 0, 0], ["RECOMMENDATION", 0, 0], ["BOTH", 0, 0]]);
    // The list: uncovered needs first (largest gap first), then action, recommendation, both.
    expect(r.needs.map((n) => [n.title, n.coverage, n.gap])).toEqual([
      ["Need n4", "NONE", 12], ["Need n6", "NONE", 4.5], ["Need n5", "NONE", -2],
      ["Need n1", "ACTION", 40], ["Need n2", "RECOMMENDATION", 15], ["Need n3", "BOTH", 50],
    ]);
  });

  it("filters by region (the county as a whole too), field, target area and unit", async () => {
    const moss = await rows({ regionId: ids.moss }, "2026");
    expect(moss.units.map((u) => [u.unit, u.totals.demand, u.totals.supply, u.totals.gap])).toEqual([["PERSONS", 120, 80, 40], ["APPRENTICESHIPS", 30, 18, 12], ["STUDY_PLACES", 25, 20.5, 4.5]]);
    const county = await rows({ regionId: null }, "2026");
    expect(county.needs.map((n) => n.title)).toEqual(["Need n3"]);
    const field = await rows({ field: "syke" }, "2026");
    expect(field.units.map((u) => [u.unit, u.totals.gap])).toEqual([["PERSONS", 50], ["STUDY_PLACES", 4.5]]);
    const area = await rows({ targetAreaId: ids.a2, unit: "APPRENTICESHIPS" }, "2026");
    expect(area.units.map((u) => [u.unit, u.totals])).toEqual([["APPRENTICESHIPS", { needs: 2, demand: 40, supply: 30, gap: 10 }]]);
    expect(area.units[0]!.trend.map((p) => [p.period, p.gap])).toEqual([["2026", 10], ["2027", 15]]);
    // LIKE's wildcards in what is typed are only characters.
    expect((await rows({ field: "%" }, "2026")).units).toEqual([]);
  });

  it("follows an action's status: started, the need counts as covered by an action", async () => {
    await db.actionItem.update({ where: { id: ids.openAction }, data: { status: "IN_PROGRESS" } });
    try {
      const r = await rows({}, "2026");
      expect(r.coverageCounts).toEqual({ NONE: 2, ACTION: 2, RECOMMENDATION: 1, BOTH: 1 });
    } finally {
      await db.actionItem.update({ where: { id: ids.openAction }, data: { status: "OPEN" } });
    }
  });
});

describe("periods", () => {
  it("defaults to the latest whole year, else the latest half-year", () => {
    expect(defaultPeriod(["2026-H1", "2025", "2026", "2027-H2"])).toBe("2026");
    expect(defaultPeriod(["2026-H1", "2026-H2"])).toBe("2026-H2");
    expect(defaultPeriod([])).toBeNull();
  });

  it("bounds the trend by from/to and keeps years and half-years apart", () => {
    const all = ["2027", "2025", "2026-H1", "2026", "2026-H2", "2024"];
    expect(trendPeriods(all, { like: "2026" })).toEqual(["2024", "2025", "2026", "2027"]);
    expect(trendPeriods(all, { like: "2026", from: "2025", to: "2026" })).toEqual(["2025", "2026"]);
    expect(trendPeriods(all, { like: "2026-H2" })).toEqual(["2026-H1", "2026-H2"]);
  });
});
