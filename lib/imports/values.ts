// Cell values as the fields of a need take them: figures in Norwegian or English notation, periods,
// dates, units and confidence in words. Each returns the value, or null for a cell it cannot read.
import type { Confidence, NeedUnit } from "../validation/need.ts";
import type { Cell } from "./table.ts";

/** A cell as text (numbers without exponent, dates as YYYY-MM-DD), trimmed; "" for an empty cell. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 1e9) / 1e9);
  return String(cell).trim();
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

// Spaces people and spreadsheets put between thousands: space, no-break space, narrow no-break space, thin space.
const GROUP_SPACES = /[\s\u00A0\u202F\u2009]/g;

/**
 * A figure: "1 234,5", "1234,50", "1.234,5" (Norwegian), "1,234.5", "1234.5" (English), "12 %"
 * is not one. With one kind of separator only, a comma is the decimal sign (Norwegian first) unless
 * it groups thousands more than once ("1,234,567"); a point is the decimal sign unless it does
 * ("1.234.567"). A leading minus (or U+2212) is kept, so the schema can say it may not be negative.
 */
export function parseFigure(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== "string") return null;
  let s = cell.replace(GROUP_SPACES, "").replace(/^\u2212/, "-");
  if (!/^-?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const comma = s.lastIndexOf(",");
  const point = s.lastIndexOf(".");
  if (comma >= 0 && point >= 0) {
    // Both: the last one is the decimal sign, the other groups thousands.
    const [group, decimal] = comma > point ? [".", ","] : [",", "."];
    if (s.indexOf(decimal) !== s.lastIndexOf(decimal)) return null;
    s = s.split(group).join("").replace(decimal, ".");
  } else if (comma >= 0) {
    s = /^-?\d{1,3}(,\d{3}){2,}$/.test(s) ? s.replace(/,/g, "") : s.indexOf(",") === comma ? s.replace(",", ".") : "x";
  } else if (point >= 0 && s.indexOf(".") !== point) {
    s = /^-?\d{1,3}(\.\d{3}){2,}$/.test(s) ? s.replace(/\./g, "") : "x";
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** "2026", "2026-H1", "2026 H2", "2026H1", "H1 2026", "1. halvår 2026" → the period format; anything else as typed. */
export function normalisePeriod(cell: Cell): string {
  const s = cellText(cell).toUpperCase().replace(/\s+/g, " ");
  const yearFirst = /^(\d{4}) ?-? ?H([12])$/.exec(s);
  if (yearFirst) return `${yearFirst[1]}-H${yearFirst[2]}`;
  const halfFirst = /^H([12]) (\d{4})$/.exec(s) ?? /^([12])\.? HALVÅR (\d{4})$/.exec(s);
  if (halfFirst) return `${halfFirst[2]}-H${halfFirst[1]}`;
  return s;
}

/** A date cell or "31.12.2025" / "2025-12-31" as YYYY-MM-DD; other text as typed (the schema judges it). */
export function normaliseDate(cell: Cell): string {
  if (cell instanceof Date) return isoDate(cell);
  const s = cellText(cell);
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : s;
}

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("nb").replace(/[\s_-]+/g, " ").trim();

const UNITS: Record<string, NeedUnit> = {
  persons: "PERSONS", personer: "PERSONS", personar: "PERSONS", person: "PERSONS", antall: "PERSONS", tal: "PERSONS", people: "PERSONS",
  apprenticeships: "APPRENTICESHIPS", læreplasser: "APPRENTICESHIPS", læreplassar: "APPRENTICESHIPS", læreplass: "APPRENTICESHIPS", lærlingplasser: "APPRENTICESHIPS", lærekontrakter: "APPRENTICESHIPS",
  "study places": "STUDY_PLACES", studieplasser: "STUDY_PLACES", studieplassar: "STUDY_PLACES", studieplass: "STUDY_PLACES",
  fte: "FTE", årsverk: "FTE", "full time equivalents": "FTE",
};

/** A unit by its code or its name in Bokmål, Nynorsk or English. */
export function parseUnit(cell: Cell): NeedUnit | null {
  return UNITS[fold(cellText(cell))] ?? null;
}

const CONFIDENCE: Record<string, Confidence> = {
  low: "LOW", lav: "LOW", låg: "LOW", medium: "MEDIUM", middels: "MEDIUM", høy: "HIGH", høg: "HIGH", high: "HIGH",
};

/** A confidence by its code or its name in Bokmål, Nynorsk or English. */
export function parseConfidence(cell: Cell): Confidence | null {
  return CONFIDENCE[fold(cellText(cell))] ?? null;
}

/** How names of regions and target areas are compared: case, spacing and Unicode form do not matter. */
export function foldName(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("nb").replace(/\s+/g, " ").trim();
}
