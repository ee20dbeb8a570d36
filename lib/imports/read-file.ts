// What an uploaded file is, decided from its bytes (never from its name or the browser's type):
// XLSX (a zip with a workbook), CSV text in an encoding we can read, or something we refuse.
import { readCsv } from "./csv.ts";
import { fileError, megabytes, type ImportLimits, type Table, type TextEncoding } from "./table.ts";
import { readXlsx } from "./xlsx.ts";

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary: Excel 97–2003 (.xls), and also password-protected .xlsx files. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Reads an uploaded file into a table, or throws a 4xx AppError that says what is wrong with it. */
export async function readTable(bytes: Uint8Array, limits: ImportLimits, onProgress?: (rows: number) => void): Promise<Table> {
  if (bytes.length === 0) throw fileError("invalid_file", "imports.errors.empty");
  if (bytes.length > limits.maxBytes) throw fileError("payload_too_large", "imports.errors.tooLarge", { max: megabytes(limits.maxBytes) });
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return readXlsx(bytes, limits, onProgress);
  if (startsWith(bytes, OLE2)) throw fileError("unsupported_file", "imports.errors.oldExcel");
  const { text, encoding } = decodeText(bytes);
  return readCsv(text, encoding, limits, onProgress);
}

// C0 controls other than tab, line feed and carriage return never occur in a table of text.
const BINARY_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// What a Windows-1252 file of Norwegian figures may hold beyond ASCII: letters (æøå, é, ü …),
// spaces (no-break), punctuation (– « » ’ …), currency, degree and fraction signs. The bytes
// Windows-1252 leaves undefined decode to C1 controls and fail this.
const PLAUSIBLE_1252 = /^[\p{L}\p{N}\p{Zs}\p{P}\p{Sc}\p{Sm}\p{So}\p{Sk}]$/u;

/**
 * Text encodings we accept: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark
 * (Excel's "Unicode text"), and Windows-1252 (Excel's "CSV (semikolondelt)" on Norwegian Windows)
 * when the bytes are not UTF-8 but every character they decode to is one a table of text can hold.
 * Anything else — binary files, UTF-16 without a byte-order mark, other encodings — is refused.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const strict = (label: string, from: number) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  let text: string | null;
  let encoding: TextEncoding;
  if (startsWith(bytes, UTF8_BOM)) {
    text = strict("utf-8", 3);
    encoding = "utf-8";
    if (text === null) throw fileError("unsupported_file", "imports.errors.badUtf8");
  } else if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    text = strict(encoding, 2);
    if (text === null) throw fileError("unsupported_file", "imports.errors.badUtf16");
  } else {
    const head = bytes.subarray(0, 4096);
    if (head.includes(0)) {
      // Zeros in every other byte (and only there): UTF-16 text that lost (or never had) its byte-order mark.
      const zeros = [0, 0];
      for (let i = 0; i < head.length; i++) if (head[i] === 0) zeros[i % 2]! += 1;
      const half = head.length / 2;
      const utf16 = zeros.some((z, parity) => z > 0.8 * half && zeros[1 - parity]! < 0.1 * half);
      throw fileError("unsupported_file", utf16 ? "imports.errors.utf16NoBom" : "imports.errors.notTable");
    }
    encoding = "utf-8";
    text = strict("utf-8", 0);
    if (text === null) {
      const latin = new TextDecoder("windows-1252").decode(bytes);
      if (BINARY_CONTROLS.test(latin)) throw fileError("unsupported_file", "imports.errors.notTable");
      if (![...new Set(latin.replace(/[\u0000-\u007F]/g, ""))].every((ch) => PLAUSIBLE_1252.test(ch))) {
        throw fileError("unsupported_file", "imports.errors.badUtf8");
      }
      text = latin;
      encoding = "windows-1252";
    }
  }
  if (BINARY_CONTROLS.test(text)) throw fileError("unsupported_file", "imports.errors.notTable");
  return { text, encoding };
}
