import { describe, expect, it } from "vitest";
import type { BoardItem } from "../db/actions.ts";
import { applyFilters, filtersFromParams, filtersToParams, sortActions, sortForWork, weekOf } from "./action-filters.ts";
import { toCsv } from "./csv.ts";

const item = (o: Partial<BoardItem>): BoardItem => ({
  id: o.title ?? "x", groupId: "g1", groupName: "G", title: "x", description: "", status: "OPEN", owner: null, dueDate: null,
  targetArea: null, anchor: null, raci: [], updatedAt: "", version: 1, comments: { threads: 0, lastAt: null }, ...o,
});

describe("overview filters", () => {
  const today = "2026-11-26"; // a Thursday
  const items = [
    item({ title: "late", dueDate: "2026-11-20", owner: { id: "u1", name: "A" } }),
    item({ title: "week", dueDate: "2026-11-29", raci: [{ role: "A", user: { id: "u1", name: "A" }, group: null }] }),
    item({ title: "done-late", dueDate: "2026-11-01", status: "DONE" }),
    item({ title: "later", dueDate: "2026-12-20", groupId: "g2" }),
  ];
  const titles = (xs: BoardItem[]) => xs.map((i) => i.title);

  it("find overdue, due this week, without owner, without Accountable, by group", () => {
    expect(weekOf(today)).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(titles(applyFilters(items, { overdue: true }, today))).toEqual(["late"]);
    expect(titles(applyFilters(items, { dueThisWeek: true }, today))).toEqual(["week"]);
    expect(titles(applyFilters(items, { owner: "none" }, today))).toEqual(["week", "done-late", "later"]);
    expect(titles(applyFilters(items, { noAccountable: true, group: "g1" }, today))).toEqual(["late", "done-late"]);
  });

  it("sort overdue first and closed items last", () => {
    expect(titles(sortForWork(items, today))).toEqual(["late", "week", "later", "done-late"]);
  });

  it("sort the table by a column, either way, empty values last, ties in working order", () => {
    const rows = [
      item({ title: "b", owner: { id: "u2", name: "Åse" }, dueDate: "2026-12-01", status: "BLOCKED" }),
      item({ title: "a", owner: null, dueDate: null, status: "DONE" }),
      item({ title: "c", owner: { id: "u1", name: "Bjørn" }, dueDate: "2026-11-30", status: "OPEN" }),
      item({ title: "d", owner: { id: "u1", name: "Bjørn" }, dueDate: "2026-11-20", status: "OPEN" }),
    ];
    expect(titles(sortActions(rows, today, "title", "desc"))).toEqual(["d", "c", "b", "a"]);
    expect(titles(sortActions(rows, today, "owner"))).toEqual(["d", "c", "b", "a"]);
    expect(titles(sortActions(rows, today, "owner", "desc"))).toEqual(["b", "d", "c", "a"]);
    expect(titles(sortActions(rows, today, "due"))).toEqual(["d", "c", "b", "a"]);
    expect(titles(sortActions(rows, today, "status"))).toEqual(["d", "c", "b", "a"]);
    expect(titles(sortActions(rows, today, "status", "desc"))).toEqual(["a", "b", "d", "c"]);
    expect(titles(sortActions(rows, today))).toEqual(titles(sortForWork(rows, today)));
  });

  it("round-trip through URL parameters", () => {
    const f = { group: "abcdefgh1234", overdue: true, noAccountable: true };
    expect(filtersFromParams(filtersToParams(f))).toMatchObject(f);
  });
});

describe("CSV for Excel", () => {
  it("starts with a byte-order mark, uses semicolons, quotes what needs it and defuses formulas", () => {
    const csv = toCsv([["Navn", "Notat"], ["Ærlig Østby", 'sa "hei"; og gikk'], ["=HYPERLINK(\"x\")", null]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual(["Navn;Notat", 'Ærlig Østby;"sa ""hei""; og gikk"', '"\'=HYPERLINK(""x"")";', ""]);
  });
});
