import { describe, expect, it } from "vitest";
import { translator } from "../i18n/index.ts";
import { mappingProblems, providedFields, readRows, type RowSettings } from "./rows.ts";
import type { Table } from "./table.ts";

const t = translator("nb");
const lookups = {
  regions: [{ id: "regionfredrikstad01", name: "Fredrikstad", code: "3107" }, { id: "regionsarpsborg001", name: "Sarpsborg", code: "3105" }],
  targetAreas: [{ id: "areahelse000000001", name: "Helse og omsorg" }],
};
const settings: RowSettings = {
  sourceName: "Arbeidsgiverundersøkelsen",
  mapping: { Yrke: "field", Kommune: "region", Behov: "demand", Tilbud: "supply", Målområde: "targetArea", Enhet: "unit" },
  fixed: { period: "2026" },
};
const table = (rows: (string | number | null)[][]): Table => ({
  format: "CSV", encoding: "utf-8", headers: ["Yrke", "Kommune", "Behov", "Tilbud", "Målområde", "Enhet"],
  rows: rows.map((cells, i) => ({ number: i + 2, cells })),
});

describe("rows into needs", () => {
  it("maps names and codes, Norwegian figures and whole-file values into the need schema", async () => {
    const out = await readRows(table([
      ["Helsefagarbeider", "fredrikstad ", "1 234,5", "1000", "Helse og omsorg", "Læreplasser"],
      ["Helsefagarbeider", "3105", "12", "10", null, null],
      ["Kokk", null, "3", "4", null, null],
    ]), settings, lookups, t);
    expect(out.problems).toEqual([]);
    expect(out.rows.map((r) => [r.row, r.fields.title, r.fields.regionId, r.fields.demand, r.fields.unit, r.fields.targetAreaId, r.fields.period, r.fields.sourceName])).toEqual([
      [2, "Helsefagarbeider – Fredrikstad", "regionfredrikstad01", 1234.5, "APPRENTICESHIPS", "areahelse000000001", "2026", "Arbeidsgiverundersøkelsen"],
      [3, "Helsefagarbeider – Sarpsborg", "regionsarpsborg001", 12, "PERSONS", null, "2026", "Arbeidsgiverundersøkelsen"],
      [4, "Kokk", null, 3, "PERSONS", null, "2026", "Arbeidsgiverundersøkelsen"],
    ]);
  });

  it("lists every problem of every row in Norwegian words, with the file's row number and column", async () => {
    const out = await readRows(table([
      ["Helsefagarbeider", "Viken", "mange", "", "Ukjent område", "kroner"],
      ["=HYPERLINK(\"x\")", null, "-3", "1,234", null, null],
      ["Kokk", null, "3", "4", null, null],
      ["kokk ", null, "5", "6", null, null],
    ]), settings, lookups, t);
    expect(out.rows.map((r) => r.row)).toEqual([4]);
    expect(out.problems).toEqual([
      { row: 2, column: "Behov", message: "må være et tall, for eksempel 1 234,5", value: "mange" },
      { row: 2, column: "Tilbud", message: "må fylles ut" },
      { row: 2, column: "Kommune", message: "«Viken» er ikke en region i forumet (skriv navnet eller kommunenummeret)", value: "Viken" },
      { row: 2, column: "Målområde", message: "«Ukjent område» er ikke et målområde i forumet", value: "Ukjent område" },
      { row: 2, column: "Enhet", message: "«kroner» er ikke en enhet (personer, læreplasser, studieplasser eller årsverk)", value: "kroner" },
      { row: 3, column: "Behov", message: "kan ikke være negativt", value: "-3" },
      { row: 3, column: "Tilbud", message: "kan ha høyst to desimaler", value: "1,234" },
      { row: 5, column: null, message: "er det samme tallet som rad 4 (samme kilde, periode, yrke, region og enhet)" },
    ]);
    expect(out.problemCount).toBe(8);
    expect(out.problemRows).toBe(3);
  });

  it("keeps a cell that looks like a formula as plain text", async () => {
    const out = await readRows(table([["=1+2", null, "1", "1", null, null]]), settings, lookups, t);
    expect(out.rows[0]!.fields.field).toBe("=1+2");
  });

  it("says what the mapping lacks before reading any row", () => {
    expect(mappingProblems({ ...settings, mapping: { Yrke: "field", Borte: "supply" }, fixed: {} }, ["Yrke"], t)).toEqual([
      "Fila har ingen kolonne som heter «Borte».", "Velg hvilken kolonne som er «Behov».", "Velg en kolonne for periode, eller skriv en periode for hele fila.",
    ]);
    expect([...providedFields(settings)].sort()).toEqual(["demand", "field", "period", "regionId", "sourceName", "supply", "targetAreaId", "unit"]);
  });
});
