// CSV text into a table, with csv-parse (streamed in chunks so a large file never holds the event
// loop for long). Row numbers are the ones a spreadsheet shows: one per record, header included.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { fileError, TableBuilder, type ImportLimits, type Table, type TextEncoding } from "./table.ts";

const CHUNK_CHARS = 64 * 1024;

/**
 * The delimiter of a CSV file, from its first line: semicolon (Excel with Norwegian settings), comma
 * or tab, whichever occurs most outside quotes; comma when none does.
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[";", 0], [",", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  let most = 0;
  for (const [ch, n] of counts) if (n > most) [best, most] = [ch, n];
  return best;
}

function* chunks(text: string) {
  for (let i = 0; i < text.length; i += CHUNK_CHARS) yield text.slice(i, i + CHUNK_CHARS);
}

export async function readCsv(text: string, encoding: TextEncoding, limits: ImportLimits, onProgress?: (rows: number) => void): Promise<Table> {
  const builder = new TableBuilder(limits, onProgress);
  const parser = Readable.from(chunks(text)).pipe(
    parse({
      delimiter: sniffDelimiter(text),
      // Blank lines are records too, so that numbering follows the file; the builder skips them.
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true,
      // A record longer than every cell at its longest cannot be a row of this table.
      max_record_size: limits.maxCellChars * limits.maxColumns + limits.maxColumns,
    }),
  );
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      await builder.add(number, record.map((c) => (c === "" ? null : c)));
    }
  } catch (error) {
    parser.destroy();
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && (code.startsWith("CSV_") || code === "INVALID_OPENING_QUOTE")) {
      const line = Number((error as { lines?: number }).lines ?? number + 1);
      if (code === "CSV_MAX_RECORD_SIZE") throw fileError("invalid_file", "imports.errors.rowTooLong", { row: number + 1, max: limits.maxCellChars });
      throw fileError("invalid_file", code === "CSV_QUOTE_NOT_CLOSED" ? "imports.errors.quoteNotClosed" : "imports.errors.csvSyntax", { line });
    }
    throw error;
  }
  return builder.finish("CSV", encoding);
}
