import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figuresCsv, xlsxOf, zipBomb, zipOf } from "../../tests/support/import-files.ts";
import { AppError } from "../services/errors.ts";
import { sniffDelimiter } from "./csv.ts";
import { decodeText, readTable } from "./read-file.ts";
import type { ImportLimits } from "./table.ts";

const limits: ImportLimits = { maxBytes: 1024 * 1024, maxRows: 1000, maxCellChars: 100, maxColumns: 10, maxUnpackedBytes: 2 * 1024 * 1024 };
const bytes = (s: string) => new TextEncoder().encode(s);

async function refusal(input: Uint8Array, l: ImportLimits = limits) {
  try {
    await readTable(input, l);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, key: error.messageKey, vars: error.vars };
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("reading CSV", () => {
  it("reads the sample fixture: semicolons, CRLF, Norwegian letters, row numbers as a spreadsheet shows them", async () => {
    const table = await readTable(readFileSync("tests/fixtures/behov-eksempel.csv"), limits);
    expect(table.format).toBe("CSV");
    expect(table.encoding).toBe("utf-8");
    expect(table.headers).toEqual(["Yrke", "STYRK-08", "Kommune", "Periode", "Behov", "Tilbud", "Enhet", "Merknad"]);
    expect(table.rows[0]).toEqual({ number: 2, cells: ["Helsefagarbeider", "5321", "Fredrikstad", "2026", "120", "85", "personer", "Eksempeltall – ikke offisielle tall"] });
    expect(table.rows.at(-1)!.number).toBe(9);
  });

  it("keeps row numbers across blank lines and quoted line breaks, and strips a BOM", async () => {
    const table = await readTable(bytes('\uFEFFYrke,Behov\r\n"Kokk\nog servitør",3\r\n\r\nBaker,4\r\n'), limits);
    expect(table.headers).toEqual(["Yrke", "Behov"]);
    expect(table.rows).toEqual([{ number: 2, cells: ["Kokk\nog servitør", "3"] }, { number: 4, cells: ["Baker", "4"] }]);
  });

  it("sniffs the delimiter from the first line", () => {
    expect(sniffDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(sniffDelimiter('"a;b",c,d\n')).toBe(",");
    expect(sniffDelimiter("a\tb\n")).toBe("\t");
  });

  it("accepts UTF-16 with a byte-order mark and Windows-1252 text", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Yrke\tBehov\r\nTømrer\t3\r\n", "utf16le")]);
    expect((await readTable(utf16, limits)).rows[0]!.cells).toEqual(["Tømrer", "3"]);
    const latin = Buffer.from("Yrke;Behov\r\nTømrer på Østre;1 234,5\r\n", "latin1");
    const table = await readTable(latin, limits);
    expect(table.encoding).toBe("windows-1252");
    expect(table.rows[0]!.cells[0]).toBe("Tømrer på Østre");
  });

  it("refuses invalid UTF-8, UTF-16 without a byte-order mark and binary files", async () => {
    expect(await refusal(Buffer.concat([bytes("Yrke;Behov\n"), Buffer.from([0xc3, 0x28, 0x81, 0x9d])]))).toMatchObject({ code: "unsupported_file", key: "imports.errors.badUtf8" });
    expect(await refusal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xc3, 0x28])]))).toMatchObject({ key: "imports.errors.badUtf8" });
    expect(await refusal(Buffer.from("Yrke;Behov\r\nKokk;3\r\n", "utf16le"))).toMatchObject({ code: "unsupported_file", key: "imports.errors.utf16NoBom" });
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    expect(await refusal(png)).toMatchObject({ code: "unsupported_file", key: "imports.errors.notTable" });
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(64)]);
    expect(await refusal(exe)).toMatchObject({ code: "unsupported_file", key: "imports.errors.notTable" });
    expect(await refusal(Buffer.from("d0cf11e0a1b11ae1000000000000", "hex"))).toMatchObject({ key: "imports.errors.oldExcel" });
  });

  it("refuses files over the limits: bytes, rows, columns, cell length", async () => {
    expect(await refusal(bytes(figuresCsv(10)), { ...limits, maxBytes: 100 })).toMatchObject({ code: "payload_too_large", key: "imports.errors.tooLarge" });
    expect(await refusal(bytes(figuresCsv(1001)))).toMatchObject({ code: "payload_too_large", key: "imports.errors.tooManyRows", vars: { max: 1000 } });
    expect(await refusal(bytes(`${"a;".repeat(11)}a\n1;2\n`))).toMatchObject({ code: "invalid_file", key: "imports.errors.tooManyColumns" });
    expect(await refusal(bytes(`Yrke;Behov\nKokk;3\n${"x".repeat(101)};4\n`))).toMatchObject({ code: "invalid_file", key: "imports.errors.cellTooLong", vars: { row: 3, column: "A", length: 101, max: 100 } });
  });

  it("refuses tables it cannot use: empty, headings only, the same heading twice, an unclosed quote", async () => {
    expect(await refusal(bytes("\r\n\r\n"))).toMatchObject({ key: "imports.errors.empty" });
    expect(await refusal(bytes("Yrke;Behov\r\n"))).toMatchObject({ key: "imports.errors.noRows" });
    expect(await refusal(bytes("Yrke;behov;Behov\r\nKokk;1;2\r\n"))).toMatchObject({ key: "imports.errors.duplicateHeader", vars: { header: "Behov", first: "B", second: "C" } });
    expect(await refusal(bytes('Yrke;Behov\r\n"Kokk;3\r\nBaker;4\r\n'))).toMatchObject({ code: "invalid_file", key: "imports.errors.quoteNotClosed" });
  });
});

describe("reading XLSX", () => {
  it("reads the first worksheet: numbers, dates, formulas' results, rich text", async () => {
    const file = await xlsxOf([
      ["Yrke", "Behov", "Tilbud", "Dato"],
      ["Kokk", 12.5, { formula: "B2-2", result: 10.5 }, new Date(Date.UTC(2026, 0, 15))],
      [],
      [{ richText: [{ text: "Ba" }, { text: "ker" }] }, "1 234,5", 3, null],
    ]);
    const table = await readTable(file, limits);
    expect(table.format).toBe("XLSX");
    expect(table.headers).toEqual(["Yrke", "Behov", "Tilbud", "Dato"]);
    expect(table.rows).toEqual([
      { number: 2, cells: ["Kokk", 12.5, 10.5, new Date(Date.UTC(2026, 0, 15))] },
      { number: 4, cells: ["Baker", "1 234,5", 3] },
    ]);
  });

  it("refuses a zip that is no workbook, a zip bomb (also one whose headers lie) and a damaged file", async () => {
    expect(await refusal(zipOf([{ name: "bilde.png", data: Buffer.from("x") }]))).toMatchObject({ code: "unsupported_file", key: "imports.errors.zipNotXlsx" });
    expect(await refusal(zipBomb(3 * 1024 * 1024))).toMatchObject({ code: "payload_too_large", key: "imports.errors.unpackedTooLarge" });
    const liar = await refusal(zipBomb(3 * 1024 * 1024, { lie: true }));
    expect(["payload_too_large", "invalid_file"]).toContain(liar.code);
    const file = await xlsxOf([["Yrke", "Behov"], ["Kokk", 1]]);
    expect(await refusal(file.subarray(0, file.length - 200))).toMatchObject({ code: "invalid_file", key: "imports.errors.corruptXlsx" });
  });
});

describe("decoding text", () => {
  it("keeps æøå in UTF-8 and tells the encoding", () => {
    expect(decodeText(bytes("Øst;Vest"))).toEqual({ text: "Øst;Vest", encoding: "utf-8" });
  });
});
