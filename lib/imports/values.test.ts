import { describe, expect, it } from "vitest";
import { guessField, guessMapping, mappingForHeaders } from "./fields.ts";
import { cellText, normaliseDate, normalisePeriod, parseConfidence, parseFigure, parseUnit } from "./values.ts";

describe("figures in Norwegian and English notation", () => {
  it.each([
    ["1 234,5", 1234.5], ["1234,50", 1234.5], ["1\u00A0234", 1234], ["1\u202F234,25", 1234.25], ["12", 12], ["0,5", 0.5],
    ["1.234,5", 1234.5], ["1,234.5", 1234.5], ["1234.5", 1234.5], ["1,234,567", 1234567], ["1.234.567", 1234567],
    ["-3", -3], ["\u22123", -3], [42, 42], [" 7 ", 7],
  ] as const)("%s → %s", (input, expected) => {
    expect(parseFigure(input)).toBe(expected);
  });

  it.each(["", "mange", "ca. 40", "12 %", "1,2,3", "1.2.3", "1,5,0", "--1", "1e5", "∞"])("%s is not a figure", (input) => {
    expect(parseFigure(input)).toBeNull();
  });
});

describe("periods, dates, units and confidence", () => {
  it("reads periods people write", () => {
    expect(normalisePeriod("2026")).toBe("2026");
    expect(normalisePeriod(2026)).toBe("2026");
    for (const p of ["2026-H1", "2026 H1", "2026H1", "h1 2026", "1. halvår 2026"]) expect(normalisePeriod(p)).toBe("2026-H1");
    expect(normalisePeriod("våren 2026")).toBe("VÅREN 2026");
  });

  it("reads dates from cells and Norwegian notation", () => {
    expect(normaliseDate(new Date(Date.UTC(2025, 11, 31)))).toBe("2025-12-31");
    expect(normaliseDate("31.12.2025")).toBe("2025-12-31");
    expect(normaliseDate("1.2.2026")).toBe("2026-02-01");
    expect(normaliseDate("2026-02-01")).toBe("2026-02-01");
  });

  it("reads units and confidence in Bokmål, Nynorsk, English or as codes", () => {
    expect(parseUnit("Læreplasser")).toBe("APPRENTICESHIPS");
    expect(parseUnit("Læreplassar")).toBe("APPRENTICESHIPS");
    expect(parseUnit("personar")).toBe("PERSONS");
    expect(parseConfidence("låg")).toBe("LOW");
    expect(parseConfidence("Høg")).toBe("HIGH");
    expect(parseUnit("årsverk")).toBe("FTE");
    expect(parseUnit("STUDY_PLACES")).toBe("STUDY_PLACES");
    expect(parseUnit("kroner")).toBeNull();
    expect(parseConfidence("Høy")).toBe("HIGH");
    expect(parseConfidence("medium")).toBe("MEDIUM");
    expect(parseConfidence("kanskje")).toBeNull();
  });

  it("shows numbers without float noise", () => {
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(2223)).toBe("2223");
    expect(cellText(null)).toBe("");
  });
});

describe("guessing the mapping from headings", () => {
  it("knows Norwegian and English headings, with units in brackets and extra words", () => {
    expect(guessField("Yrke")).toBe("field");
    expect(guessField("Behov (antall)")).toBe("demand");
    expect(guessField("Tilbud 2026")).toBe("supply");
    expect(guessField("Tilbod")).toBe("supply");
    expect(guessField("Kjelde")).toBe("sourceName");
    expect(guessField("Godkjente kontrakter")).toBe("supply");
    expect(guessField("Kommunenr.")).toBe("region");
    expect(guessField("STYRK-08")).toBe("styrk");
    expect(guessField("Occupation")).toBe("field");
    expect(guessField("Tullball")).toBeNull();
  });

  it("gives each field to the first heading that suggests it", () => {
    expect(guessMapping(["Kommune", "Kommunenummer", "Yrke", "Behov", "Tilbud", "Periode", ""])).toEqual({
      Kommune: "region", Yrke: "field", Behov: "demand", Tilbud: "supply", Periode: "period",
    });
  });

  it("keeps a remembered mapping to the headings a file has", () => {
    expect(mappingForHeaders({ Yrke: "field", Borte: "demand", Tull: "nonsense" }, ["Yrke", "Behov"])).toEqual({ Yrke: "field" });
  });
});
