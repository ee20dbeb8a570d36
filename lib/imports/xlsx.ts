// XLSX into a table: first the zip is checked with yauzl (an XLSX file is a zip: refuse one that is
// not a workbook, is encrypted, or unpacks to more than the limit — counted while unpacking, so a
// zip whose headers lie about its sizes is caught too), then exceljs streams the first worksheet.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { AppError } from "../services/errors.ts";
import { fileError, megabytes, TableBuilder, type Cell, type ImportLimits, type Table } from "./table.ts";

const MAX_ENTRIES = 10_000;

/** Unpacks every entry once, counting bytes, and returns the entry names; throws a 4xx on anything wrong. */
export function checkZip(bytes: Uint8Array, maxUnpacked: number): Promise<Set<string>> {
  const tooLarge = () => fileError("payload_too_large", "imports.errors.unpackedTooLarge", { max: megabytes(maxUnpacked) });
  const corrupt = () => fileError("invalid_file", "imports.errors.corruptXlsx");
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(corrupt());
      const names = new Set<string>();
      let declared = 0;
      let unpacked = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(error);
      };
      zip.on("error", () => fail(corrupt()));
      zip.on("end", () => !failed && resolve(names));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (names.size >= MAX_ENTRIES) return fail(corrupt());
        if (entry.isEncrypted()) return fail(fileError("unsupported_file", "imports.errors.encrypted"));
        names.add(entry.fileName);
        declared += entry.uncompressedSize;
        if (declared > maxUnpacked) return fail(tooLarge());
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(corrupt());
          stream.on("data", (chunk: Buffer) => {
            unpacked += chunk.length;
            if (unpacked > maxUnpacked) {
              stream.destroy();
              fail(tooLarge());
            }
          });
          stream.on("error", () => fail(corrupt()));
          stream.on("end", () => !failed && zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

type ExcelValue = ExcelJS.CellValue | undefined;

/** A cell of exceljs as the value it shows: formulas give their stored result, never the formula. */
export function cellOf(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("") || null;
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && !(result instanceof Date)) return null;
      return result as Cell;
    }
    if ("hyperlink" in value && "text" in value) return cellOf(value.text as ExcelValue);
    if ("error" in value) return null;
  }
  return null;
}

export async function readXlsx(bytes: Uint8Array, limits: ImportLimits, onProgress?: (rows: number) => void): Promise<Table> {
  const names = await checkZip(bytes, limits.maxUnpackedBytes);
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw fileError("unsupported_file", "imports.errors.zipNotXlsx");
  const builder = new TableBuilder(limits, onProgress);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore",
  });
  try {
    // The first worksheet only (a workbook often has a front page or notes after the figures: say so in the README).
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
        await builder.add(row.number, cells);
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError("invalid_file", "imports.errors.corruptXlsx");
  }
  return builder.finish("XLSX", "utf-8");
}
