// Imports of figures, the parts that write nothing: which mapping applies, and the preview of a file.
import { findImportMapping, importLookups, needsByNaturalKey } from "../db/imports.ts";
import type { DbClient } from "../db/types.ts";
import type { Translate } from "../i18n/index.ts";
import { guessMapping, mappingForHeaders, type ImportField } from "../imports/fields.ts";
import { mappingProblems, readRows, type Lookups, type RowSettings } from "../imports/rows.ts";
import { cellText } from "../imports/values.ts";
import { columnLetter, type Table } from "../imports/table.ts";
import type { ImportPreview } from "../presenters/import.ts";
import type { ImportOptions } from "../validation/import.ts";
import { AppError } from "./errors.ts";

/** Rows of the file shown in the preview. */
export const PREVIEW_ROWS = 20;

export interface ImportPlan {
  lookups: Lookups;
  settings: RowSettings;
  mappingSource: ImportPreview["mappingSource"];
}

/**
 * What an import of this file will do with its columns: the mapping sent, else the one remembered
 * for the source (kept to the headings this file has), else a guess from the headings. Values chosen
 * for the whole file must be the forum's own regions and target areas.
 */
export async function planImport(db: DbClient, forumId: string, options: ImportOptions, headers: readonly string[]): Promise<ImportPlan> {
  const lookups = await importLookups(db, forumId);
  const { regionId, targetAreaId } = options.fixed;
  if (regionId && !lookups.regions.some((r) => r.id === regionId)) throw new AppError("invalid_input", "imports.errors.unknownRegionChoice");
  if (targetAreaId && !lookups.targetAreas.some((a) => a.id === targetAreaId)) throw new AppError("invalid_input", "imports.errors.unknownTargetAreaChoice");
  let mapping: Record<string, ImportField>;
  let mappingSource: ImportPlan["mappingSource"];
  if (options.mapping) {
    mapping = options.mapping;
    mappingSource = "given";
  } else {
    const remembered = await findImportMapping(db, forumId, options.sourceName);
    mapping = remembered ? mappingForHeaders(remembered, headers) : guessMapping(headers);
    mappingSource = remembered ? "remembered" : "guessed";
  }
  return { lookups, settings: { sourceName: options.sourceName, mapping, fixed: options.fixed }, mappingSource };
}

/** The preview of an import: columns, mapping, the first rows as stored, every row's problems, and what would be created or updated. */
export async function previewImport(db: DbClient, forumId: string, options: ImportOptions, table: Table, fileName: string, t: Translate): Promise<ImportPreview> {
  const plan = await planImport(db, forumId, options, table.headers);
  const columns = table.headers.map((header, i) => {
    const samples: string[] = [];
    for (const row of table.rows) {
      const value = cellText(row.cells[i] ?? null);
      if (value) samples.push(value.length > 40 ? `${value.slice(0, 40)}…` : value);
      if (samples.length === 3) break;
    }
    return { header, letter: columnLetter(i + 1), samples };
  });
  const base = {
    fileName, format: table.format, encoding: table.encoding, columns, mapping: plan.settings.mapping, mappingSource: plan.mappingSource,
    rowCount: table.rows.length,
  };
  const blocked = mappingProblems(plan.settings, table.headers, t);
  if (blocked.length) {
    return { ...base, mappingProblems: blocked, rows: [], problems: [], problemCount: 0, problemRows: 0, willCreate: 0, willUpdate: 0 };
  }
  const read = await readRows(table, plan.settings, plan.lookups, t);
  const existing = await needsByNaturalKey(db, forumId, read.rows.map((r) => r.naturalKey));
  const regionName = new Map(plan.lookups.regions.map((r) => [r.id, r.name]));
  const areaName = new Map(plan.lookups.targetAreas.map((a) => [a.id, a.name]));
  return {
    ...base,
    mappingProblems: [],
    rows: read.rows.slice(0, PREVIEW_ROWS).map(({ row, fields: f }) => ({
      row, title: f.title, field: f.field, region: f.regionId ? (regionName.get(f.regionId) ?? null) : null, period: f.period,
      demand: f.demand, supply: f.supply, unit: f.unit, targetArea: f.targetAreaId ? (areaName.get(f.targetAreaId) ?? null) : null,
    })),
    problems: read.problems,
    problemCount: read.problemCount,
    problemRows: read.problemRows,
    willCreate: read.rows.length - existing.size,
    willUpdate: existing.size,
  };
}
