// A file of figures as a table: what CSV and XLSX reading both produce, and the limits they keep.
import { setImmediate as nextTurn } from "node:timers/promises";
import { env } from "../env.ts";
import type { MessageKey } from "../i18n/index.ts";
import { AppError, type ErrorCode } from "../services/errors.ts";

export type FileFormat = "CSV" | "XLSX";
/** How the text of a CSV file was decoded (the parts of an XLSX file are always UTF-8). */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** One cell as read: CSV gives text; XLSX also numbers, dates and true/false. Empty cells are null. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The row's number as a spreadsheet shows it (the header is usually row 1). */
  number: number;
  cells: Cell[];
}

export interface Table {
  format: FileFormat;
  encoding: TextEncoding;
  /** The header row's cells, trimmed ("" where a column has no heading). */
  headers: string[];
  /** Data rows that hold anything (blank rows are skipped but keep their place in the numbering). */
  rows: TableRow[];
}

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  maxCellChars: number;
  maxColumns: number;
  maxUnpackedBytes: number;
}

/** The limits of this installation (IMPORT_* in the environment). */
export function importLimits(): ImportLimits {
  const e = env();
  return {
    maxBytes: e.IMPORT_MAX_BYTES,
    maxRows: e.IMPORT_MAX_ROWS,
    maxCellChars: e.IMPORT_MAX_CELL_CHARS,
    maxColumns: e.IMPORT_MAX_COLUMNS,
    maxUnpackedBytes: e.IMPORT_MAX_XLSX_UNPACKED_BYTES,
  };
}

/** A file that cannot be imported as a whole; the message says why in the reader's language. */
export function fileError(code: Extract<ErrorCode, "payload_too_large" | "unsupported_file" | "invalid_file">, key: MessageKey, vars: Record<string, string | number> = {}): AppError {
  return new AppError(code, key, vars);
}

/** A byte count in megabytes, for messages ("10"). */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Whether a row holds anything but blanks. */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
}

/**
 * Collects a table from rows as a reader finds them: the first non-blank row is the header; checks
 * the limits on columns, cell length and row count as it goes, so a file over them stops early.
 */
export class TableBuilder {
  headers: string[] | null = null;
  readonly rows: TableRow[] = [];
  private sinceYield = 0;

  constructor(
    private readonly limits: ImportLimits,
    /** Told how many rows have been read, every few thousand. */
    private readonly onProgress?: (rows: number) => void,
  ) {}

  /** Adds one row; yields to the event loop now and then (the sync server shares the process). */
  async add(number: number, cells: Cell[]): Promise<void> {
    if (++this.sinceYield >= 2000) {
      this.sinceYield = 0;
      this.onProgress?.(this.rows.length);
      await nextTurn();
    }
    // Trailing empty cells say nothing (spreadsheets pad rows with them).
    let width = cells.length;
    while (width > 0 && (cells[width - 1] === null || cells[width - 1] === "")) width--;
    if (width > this.limits.maxColumns) throw fileError("invalid_file", "imports.errors.tooManyColumns", { row: number, count: width, max: this.limits.maxColumns });
    for (let i = 0; i < width; i++) {
      const c = cells[i];
      if (typeof c === "string" && c.length > this.limits.maxCellChars) {
        throw fileError("invalid_file", "imports.errors.cellTooLong", { row: number, column: columnLetter(i + 1), length: c.length, max: this.limits.maxCellChars });
      }
    }
    const kept = cells.slice(0, width);
    if (isBlankRow(kept)) return;
    if (this.headers === null) {
      this.headers = kept.map((c) => (c === null ? "" : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim());
      return;
    }
    if (this.rows.length >= this.limits.maxRows) throw fileError("payload_too_large", "imports.errors.tooManyRows", { max: this.limits.maxRows });
    this.rows.push({ number, cells: kept });
  }

  finish(format: FileFormat, encoding: TextEncoding): Table {
    if (this.headers === null) throw fileError("invalid_file", "imports.errors.empty");
    const seen = new Map<string, number>();
    this.headers.forEach((h, i) => {
      if (!h) return;
      const key = h.toLocaleLowerCase("nb");
      const first = seen.get(key);
      if (first !== undefined) throw fileError("invalid_file", "imports.errors.duplicateHeader", { header: h, first: columnLetter(first + 1), second: columnLetter(i + 1) });
      seen.set(key, i);
    });
    if (seen.size === 0) throw fileError("invalid_file", "imports.errors.noHeaders");
    if (this.rows.length === 0) throw fileError("invalid_file", "imports.errors.noRows");
    return { format, encoding, headers: this.headers, rows: this.rows };
  }
}
