// Files for import tests and the import benchmark, made on the fly (never committed): CSV of
// figures with Norwegian headings, XLSX through exceljs, and hand-made zips (a bomb, a liar).
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Db } from "../../lib/db/client.ts";

/** The municipalities of the demo county (Østfold), with their official numbers. */
export const OSTFOLD_REGIONS = [
  ["Halden", "3101"], ["Moss", "3103"], ["Sarpsborg", "3105"], ["Fredrikstad", "3107"], ["Hvaler", "3110"], ["Råde", "3112"],
  ["Våler", "3114"], ["Skiptvet", "3116"], ["Indre Østfold", "3118"], ["Rakkestad", "3120"], ["Marker", "3122"], ["Aremark", "3124"],
] as const;

/** The forum's regions (Østfold's municipalities), created once. */
export async function buildRegions(db: Db, forumId: string) {
  for (const [i, [name, code]] of OSTFOLD_REGIONS.entries()) {
    const existing = await db.region.findFirst({ where: { forumId, name }, select: { id: true } });
    if (!existing) await db.region.create({ data: { forumId, name, code, kind: "MUNICIPALITY", sortOrder: i * 10 } });
  }
  return db.region.findMany({ where: { forumId }, select: { id: true, name: true, code: true } });
}

export const CSV_HEADER = ["Yrke", "Kommune", "Periode", "Behov", "Tilbud", "Enhet", "Merknad"];

/**
 * A CSV (semicolons, CRLF, UTF-8 with BOM, as Excel saves it) of `rows` distinct figures: occupation
 * `Yrke <prefix>-<n>` per municipality. `broken` maps a data row index (0-based) to what to put in it.
 */
export function figuresCsv(rows: number, opts: { prefix?: string; period?: string; demandOffset?: number; broken?: Record<number, string[]> } = {}): string {
  const prefix = opts.prefix ?? "t";
  const lines = [CSV_HEADER.join(";")];
  for (let i = 0; i < rows; i++) {
    const broken = opts.broken?.[i];
    if (broken) {
      lines.push(broken.join(";"));
      continue;
    }
    const [municipality] = OSTFOLD_REGIONS[i % OSTFOLD_REGIONS.length]!;
    const demand = 10 + (i % 90) + (opts.demandOffset ?? 0);
    lines.push([`Yrke ${prefix}-${Math.floor(i / OSTFOLD_REGIONS.length)}`, municipality, opts.period ?? "2026", `${demand},5`, String(5 + (i % 40)), "personer", "Eksempeltall"].join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** An XLSX workbook whose first worksheet holds these rows (and a second sheet that must be ignored). */
export async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Tall");
  for (const row of rows) sheet.addRow(row);
  wb.addWorksheet("Notater").addRow(["Yrke", "Behov"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A zip of the given entries, deflated. `declare` overrides the uncompressed size written in the
 * headers (a zip that lies about its size).
 */
export function zipOf(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  // A zip record: little-endian fields at fixed offsets.
  const record = (size: number, fields: [at: number, width: 2 | 4, value: number][]) => {
    const b = Buffer.alloc(size);
    for (const [at, width, value] of fields) {
      if (width === 2) b.writeUInt16LE(value, at);
      else b.writeUInt32LE(value, at);
    }
    return b;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const size = e.declare ?? e.data.length;
    // Version 2.0, UTF-8 names, deflate; then CRC, packed size, unpacked size, name length.
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [6, 2, 0x0800], [8, 2, 8], [14, 4, crc], [18, 4, packed.length], [22, 4, size], [26, 2, name.length]]);
    locals.push(local, name, packed);
    const central = record(46, [
      [0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [8, 2, 0x0800], [10, 2, 8], [16, 4, crc], [20, 4, packed.length], [24, 4, size], [28, 2, name.length], [42, 4, offset],
    ]);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, dir.length], [16, 4, offset]]);
  return Buffer.concat([...locals, dir, end]);
}

/** The parts that make a zip look like a workbook, plus one huge sheet of zeros. */
export function zipBomb(unpackedBytes: number, opts: { lie?: boolean } = {}): Buffer {
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(unpackedBytes), ...(opts.lie ? { declare: 1000 } : {}) },
  ]);
}
