// Rows of a table into needs: each row's cells through the mapping, then through the one schema every
// need passes (needFieldsSchema). Every problem of every row is kept, in words, with the row number
// and column the user sees in the file.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { z } from "zod";
import type { MessageKey, Translate } from "../i18n/index.ts";
import { naturalKeyOf } from "../needs/natural-key.ts";
import type { ImportFixed } from "../validation/import.ts";
import { needFieldsSchema, type NeedFields } from "../validation/need.ts";
import { describeIssue } from "../validation/format.ts";
import { REQUIRED_COLUMNS, type ImportField } from "./fields.ts";
import { columnLetter, type Cell, type Table } from "./table.ts";
import { cellText, foldName, normaliseDate, normalisePeriod, parseConfidence, parseFigure, parseUnit } from "./values.ts";

/** Most problems listed in one answer; the count says how many there are in all. */
export const PROBLEMS_LISTED_MAX = 1000;

export interface RowProblem {
  /** The row number in the file (as a spreadsheet shows it); 0 for a problem of the whole file. */
  row: number;
  /** The column's heading (or the field's name for a value chosen for the whole file). */
  column: string | null;
  message: string;
  /** What the cell held, shortened. */
  value?: string;
}

export interface ImportedRow {
  row: number;
  fields: NeedFields;
  naturalKey: string;
}

export interface Lookups {
  regions: readonly { id: string; name: string; code: string | null }[];
  targetAreas: readonly { id: string; name: string }[];
}

export interface RowSettings {
  sourceName: string;
  mapping: Readonly<Record<string, ImportField>>;
  fixed: ImportFixed;
}

/** Need fields an import sets on a need it updates: those it has a column or a whole-file value for. */
export function providedFields(settings: RowSettings): Set<keyof NeedFields> {
  const mapped = new Set(Object.values(settings.mapping));
  const out = new Set<keyof NeedFields>(["field", "period", "demand", "supply", "sourceName", "unit", "regionId"]);
  const direct: [ImportField, keyof NeedFields][] = [
    ["title", "title"], ["styrk", "styrk"], ["nus", "nus"], ["nace", "nace"], ["description", "description"], ["notes", "notes"],
    ["sourceUrl", "sourceUrl"], ["sourceDate", "sourceDate"],
  ];
  for (const [from, to] of direct) if (mapped.has(from)) out.add(to);
  if (mapped.has("targetArea") || settings.fixed.targetAreaId !== undefined) out.add("targetAreaId");
  if (mapped.has("confidence") || settings.fixed.confidence !== undefined) out.add("confidence");
  return out;
}

/** What is missing from a mapping before any row can be read: required columns, and a period. */
export function mappingProblems(settings: RowSettings, headers: readonly string[], t: Translate): string[] {
  const problems: string[] = [];
  const present = new Set(headers);
  for (const header of Object.keys(settings.mapping)) if (!present.has(header)) problems.push(t("imports.problems.noSuchColumn", { column: header }));
  const mapped = new Set(Object.values(settings.mapping));
  for (const field of REQUIRED_COLUMNS) if (!mapped.has(field)) problems.push(t("imports.problems.fieldNotMapped", { field: t(`imports.fields.${field}`) }));
  if (!mapped.has("period") && !settings.fixed.period) problems.push(t("imports.problems.periodMissing"));
  return problems;
}

const SHOWN_VALUE_MAX = 60;
const shown = (cell: Cell) => {
  const s = cellText(cell);
  return s.length > SHOWN_VALUE_MAX ? `${s.slice(0, SHOWN_VALUE_MAX)}…` : s;
};

/** Schema fields → the import field whose column feeds them (to name the column in a problem). */
const SOURCE_OF: Partial<Record<keyof NeedFields, ImportField>> = {
  title: "title", description: "description", field: "field", styrk: "styrk", nus: "nus", nace: "nace", regionId: "region",
  period: "period", demand: "demand", supply: "supply", unit: "unit", sourceName: "sourceName", sourceUrl: "sourceUrl",
  sourceDate: "sourceDate", confidence: "confidence", notes: "notes", targetAreaId: "targetArea",
};

/**
 * Reads every row. Rows with problems are left out of `rows`; `problems` lists the first
 * PROBLEMS_LISTED_MAX of them and `problemCount` counts all. Two rows that are the same figure
 * (same natural key) are a problem of the second. Yields to the event loop every few thousand rows.
 */
export async function readRows(
  table: Table,
  settings: RowSettings,
  lookups: Lookups,
  t: Translate,
  onProgress?: (done: number, total: number) => void,
): Promise<{ rows: ImportedRow[]; problems: RowProblem[]; problemCount: number; problemRows: number }> {
  const columnOf = new Map<ImportField, number>();
  const headerOf = new Map<ImportField, string>();
  for (const [header, field] of Object.entries(settings.mapping)) {
    const index = table.headers.indexOf(header);
    if (index >= 0) {
      columnOf.set(field, index);
      headerOf.set(field, header);
    }
  }
  const regionsByName = new Map<string, { id: string; name: string }>();
  for (const r of lookups.regions) {
    regionsByName.set(foldName(r.name), r);
    if (r.code) regionsByName.set(r.code, r);
  }
  const areasByName = new Map(lookups.targetAreas.map((a) => [foldName(a.name), a.id]));
  // By name (any case and spacing) or official number ("301" from a spreadsheet that dropped the zero is "0301").
  const findRegion = (text: string) => regionsByName.get(foldName(text)) ?? (/^\d{1,4}$/.test(text) ? regionsByName.get(text.padStart(4, "0")) : undefined);
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let problemRows = 0;
  const rows: ImportedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  const columnName = (field: ImportField) => headerOf.get(field) ?? t(`imports.fields.${field}`);

  for (let i = 0; i < table.rows.length; i++) {
    if (i % 2000 === 1999) {
      onProgress?.(i, table.rows.length);
      await nextTurn();
    }
    const { number, cells } = table.rows[i]!;
    const rowProblems: RowProblem[] = [];
    const problem = (field: ImportField, key: MessageKey, vars: Record<string, string | number> = {}) => {
      rowProblems.push({ row: number, column: columnName(field), message: t(key, vars), ...valueOf(field) });
    };
    const cellAt = (field: ImportField): Cell => {
      const index = columnOf.get(field);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const textOf = (field: ImportField) => cellText(cellAt(field));
    const valueOf = (field: ImportField) => (textOf(field) ? { value: shown(cellAt(field)) } : {});

    const input: Record<string, unknown> = {};
    const skip = new Set<keyof NeedFields>();
    input.field = textOf("field");
    for (const field of ["demand", "supply"] as const) {
      const cell = cellAt(field);
      const figure = cellText(cell) === "" ? undefined : parseFigure(cell);
      if (figure === undefined || figure === null) {
        problem(field, figure === undefined ? "validation.required" : "imports.problems.notAFigure");
        skip.add(field);
      } else input[field] = figure;
    }
    const periodCell = cellAt("period");
    input.period = periodCell !== null && cellText(periodCell) !== "" ? normalisePeriod(periodCell) : settings.fixed.period;

    // A name, code or word read through `find`; an empty cell takes the whole file's value.
    const resolve = <V,>(field: ImportField, target: keyof NeedFields, find: (text: string) => V | null | undefined, unknown: MessageKey, fallback: V | undefined) => {
      const text = textOf(field);
      if (!text) {
        if (fallback !== undefined) input[target] = fallback;
        return;
      }
      const found = find(text);
      if (found !== null && found !== undefined) input[target] = found;
      else {
        problem(field, unknown, { value: text });
        skip.add(target);
      }
    };
    resolve("region", "regionId", (s) => findRegion(s)?.id, "imports.problems.unknownRegion", settings.fixed.regionId ?? null);
    resolve("targetArea", "targetAreaId", (s) => areasByName.get(foldName(s)), "imports.problems.unknownTargetArea", settings.fixed.targetAreaId ?? null);
    resolve("unit", "unit", parseUnit, "imports.problems.unknownUnit", settings.fixed.unit ?? "PERSONS");
    resolve("confidence", "confidence", parseConfidence, "imports.problems.unknownConfidence", settings.fixed.confidence);

    for (const field of ["styrk", "nus", "nace", "sourceUrl"] as const) {
      const value = textOf(field);
      if (value) input[field] = value;
    }
    const date = cellAt("sourceDate");
    if (date !== null && cellText(date) !== "") input.sourceDate = normaliseDate(date);
    for (const field of ["description", "notes"] as const) input[field] = textOf(field);
    input.sourceName = textOf("sourceName") || settings.sourceName;
    // Without a title column, a need is named by its field (and region): what the register lists.
    const title = textOf("title");
    if (title) input.title = title;
    else {
      const regionName = lookups.regions.find((r) => r.id === input.regionId)?.name;
      input.title = regionName && typeof input.field === "string" && input.field ? `${input.field} – ${regionName}` : input.field;
    }

    const parsed = needFieldsSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof NeedFields;
        if (skip.has(key)) continue;
        skip.add(key);
        const source = SOURCE_OF[key] ?? "field";
        // A derived title fails only because the field does; the field's own problem says it.
        if (key === "title" && !columnOf.has("title")) continue;
        rowProblems.push({
          row: number,
          column: columnName(source),
          message: describeIssue(issue as z.core.$ZodIssue, t),
          ...valueOf(source),
        });
      }
    }
    if (parsed.success && rowProblems.length === 0) {
      const naturalKey = naturalKeyOf(parsed.data);
      const first = firstRowOfKey.get(naturalKey);
      if (first !== undefined) rowProblems.push({ row: number, column: null, message: t("imports.problems.sameFigureAs", { row: first }) });
      else {
        firstRowOfKey.set(naturalKey, number);
        rows.push({ row: number, fields: parsed.data, naturalKey });
      }
    }
    if (rowProblems.length) {
      problemRows += 1;
      problemCount += rowProblems.length;
      for (const p of rowProblems) if (problems.length < PROBLEMS_LISTED_MAX) problems.push(p);
    }
  }
  onProgress?.(table.rows.length, table.rows.length);
  return { rows, problems, problemCount, problemRows };
}

/** The column letter of a heading, for screens that show both ("Behov (C)"). */
export function letterOf(headers: readonly string[], header: string): string {
  const i = headers.indexOf(header);
  return i < 0 ? "" : columnLetter(i + 1);
}
