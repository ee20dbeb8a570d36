// What leaves the server about imports: a batch with the viewer's abilities, and the preview of a file.
import type { ImportBatchRow } from "../db/imports.ts";
import type { ImportField } from "../imports/fields.ts";
import type { RowProblem } from "../imports/rows.ts";
import type { FileFormat, TextEncoding } from "../imports/table.ts";
import type { ActorStanding } from "../policies/actor.ts";
import { mayUndoImport } from "../policies/need.ts";

export function presentImportBatch(viewer: ActorStanding, b: ImportBatchRow) {
  return {
    id: b.id,
    groupId: b.groupId,
    groupName: b.groupName,
    sourceName: b.sourceName,
    fileName: b.fileName,
    format: b.format,
    rowCount: b.rowCount,
    created: b.created,
    updated: b.updated,
    createdAt: b.createdAt.toISOString(),
    createdBy: b.createdBy,
    undoneAt: b.undoneAt?.toISOString() ?? null,
    undoneBy: b.undoneByName,
    abilities: { undo: mayUndoImport(viewer, { groupId: b.groupId, createdById: b.createdById, undone: b.undoneAt !== null }) },
  };
}

export type ImportBatchView = ReturnType<typeof presentImportBatch>;

/** One row of the preview as the screen shows it (names, not ids). */
export interface PreviewRow {
  row: number;
  title: string;
  field: string;
  region: string | null;
  period: string;
  demand: number;
  supply: number;
  unit: string;
  targetArea: string | null;
}

export interface ImportPreview {
  fileName: string;
  format: FileFormat;
  encoding: TextEncoding;
  /** The file's columns in order, with their letter and the first values they hold. */
  columns: { header: string; letter: string; samples: string[] }[];
  mapping: Record<string, ImportField>;
  /** Where the mapping came from: the request, the one remembered for the source, or a guess from the headings. */
  mappingSource: "given" | "remembered" | "guessed";
  /** What keeps any row from being read (a required field without a column, no period). */
  mappingProblems: string[];
  rowCount: number;
  /** The first rows as they would be stored. */
  rows: PreviewRow[];
  problems: RowProblem[];
  problemCount: number;
  /** How many rows have at least one problem. */
  problemRows: number;
  /** Rows that would add a need, and rows that would update one (same natural key). */
  willCreate: number;
  willUpdate: number;
}

/** The result of a committed import. */
export interface ImportResult {
  batch: ImportBatchView;
  created: number;
  updated: number;
}

/** Progress of a running import, as streamed to the browser (NDJSON lines). */
export type ImportProgress =
  | { type: "progress"; phase: "read" | "check" | "write"; done: number; total: number | null }
  | { type: "done"; result: ImportResult }
  | { type: "error"; status: number; error: { code: string; message: string; [key: string]: unknown } };
