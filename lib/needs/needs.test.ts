import { describe, expect, it } from "vitest";
import { coverageOf, gapOf } from "./coverage.ts";
import { naturalKeyOf } from "./natural-key.ts";
import { comparePeriods } from "./period.ts";

describe("coverage", () => {
  it("counts approved recommendations and actions under way, nothing else", () => {
    expect(coverageOf({ recommendations: [], actions: [] })).toBe("NONE");
    expect(coverageOf({ recommendations: [{ approved: false }], actions: [{ status: "OPEN" }, { status: "BLOCKED" }, { status: "CANCELLED" }] })).toBe("NONE");
    expect(coverageOf({ recommendations: [{ approved: true }], actions: [] })).toBe("RECOMMENDATION");
    expect(coverageOf({ recommendations: [], actions: [{ status: "IN_PROGRESS" }] })).toBe("ACTION");
    expect(coverageOf({ recommendations: [{ approved: false }, { approved: true }], actions: [{ status: "DONE" }] })).toBe("BOTH");
  });

  it("gap is demand minus supply, to the cent", () => {
    expect(gapOf({ demand: 120, supply: 80 })).toBe(40);
    expect(gapOf({ demand: 10, supply: 12.5 })).toBe(-2.5);
    expect(gapOf({ demand: 0.3, supply: 0.1 })).toBe(0.2);
  });
});

describe("natural key and periods", () => {
  it("treats case and spacing of source and field as the same figure; region, period and unit as different", () => {
    const base = { sourceName: "NHO Kompetansebarometer", period: "2026", field: "Helsefagarbeider", regionId: null, unit: "PERSONS" };
    expect(naturalKeyOf({ ...base, sourceName: " nho  kompetansebarometer", field: "HELSEFAGARBEIDER " })).toBe(naturalKeyOf(base));
    expect(naturalKeyOf({ ...base, regionId: "r1" })).not.toBe(naturalKeyOf(base));
    expect(naturalKeyOf({ ...base, period: "2026-H1" })).not.toBe(naturalKeyOf(base));
    expect(naturalKeyOf({ ...base, unit: "APPRENTICESHIPS" })).not.toBe(naturalKeyOf(base));
  });

  it("orders years before their halves, halves in order", () => {
    expect(["2027", "2026-H2", "2026", "2026-H1", "2025"].sort(comparePeriods)).toEqual(["2025", "2026", "2026-H1", "2026-H2", "2027"]);
  });
});
