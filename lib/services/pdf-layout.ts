import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

// The layout every Samråd PDF shares (decision records, the annual report): A4, DejaVu Sans
// embedded so æ, ø and å print and copy right everywhere, section headings with a rule, tables whose
// rows move to the next page whole (with the header again), "Side n av m" in each footer. Also the
// Markdown escaping and ASCII file names both downloads use.

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
let fonts: { regular: Buffer; bold: Buffer; italic: Buffer; mono: Buffer } | undefined;

/** DejaVu Sans (regular, bold, oblique) and Sans Mono, read once: every glyph Norwegian needs. */
function loadFonts() {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
    italic: readFileSync(path.join(FONT_DIR, "DejaVuSans-Oblique.ttf")),
    mono: readFileSync(path.join(FONT_DIR, "DejaVuSansMono.ttf")),
  };
  return fonts;
}

export const PDF_COLOR = { text: "#15202b", muted: "#4b5866", rule: "#c9d1d9", fill: "#eef2f5", accent: "#0b5a6b" };

export type TableCell = { text: string; font?: string; align?: "left" | "right" };

export interface PdfPage {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  /** Starts a new page when less than `height` is left on this one. */
  ensure(height: number): void;
  heading(text: string, opts?: { size?: number }): void;
  /** A table with a shaded header row; rows move to the next page whole, with the header again. */
  table(columns: { title: string; width: number; align?: "left" | "right" }[], rows: TableCell[][], size?: number): void;
  /** Writes "left text · Side n av m" into every page's footer and ends the document. */
  finish(footer: string, pageLabel: (page: number, pages: number) => string): Promise<Buffer>;
}

/** An A4 document with DejaVu embedded (no standard, unembedded font ever enters the file). */
export function openPdf(meta: { title: string; subject: string; author: string; lang: string }): PdfPage {
  const f = loadFonts();
  const margin = { top: 56, left: 56, right: 56, bottom: 64 };
  const doc = new PDFDocument({
    size: "A4",
    margins: margin,
    bufferPages: true,
    font: path.join(FONT_DIR, "DejaVuSans.ttf"),
    lang: meta.lang,
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: "Samråd" },
  });
  doc.registerFont("Sans", f.regular);
  doc.registerFont("Sans-Bold", f.bold);
  doc.registerFont("Sans-Oblique", f.italic);
  doc.registerFont("Mono", f.mono);

  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = margin.left;
  const width = doc.page.width - margin.left - margin.right;
  const bottom = () => doc.page.height - margin.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const heading = (text: string, opts: { size?: number } = {}) => {
    ensure(60);
    doc.moveDown(0.8);
    doc.font("Sans-Bold").fontSize(opts.size ?? 13).fillColor(PDF_COLOR.accent).text(text, left, doc.y, { width });
    const y = doc.y + 2;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.75).strokeColor(PDF_COLOR.rule).stroke();
    doc.y = y + 8;
    doc.fillColor(PDF_COLOR.text);
  };

  const table: PdfPage["table"] = (columns, rows, size = 9) => {
    const pad = 4;
    const measure = (cells: TableCell[], header: boolean) => {
      const heights = cells.map((c, i) => {
        doc.font(header ? "Sans-Bold" : (c.font ?? "Sans")).fontSize(size);
        return doc.heightOfString(c.text || " ", { width: columns[i]!.width - 2 * pad });
      });
      return Math.max(...heights) + 2 * pad;
    };
    const paint = (cells: TableCell[], header: boolean, h: number) => {
      const y = doc.y;
      if (header) doc.rect(left, y, width, h).fillColor(PDF_COLOR.fill).fill();
      let x = left;
      cells.forEach((c, i) => {
        const column = columns[i]!;
        doc.font(header ? "Sans-Bold" : (c.font ?? "Sans")).fontSize(size).fillColor(PDF_COLOR.text)
          .text(c.text || " ", x + pad, y + pad, { width: column.width - 2 * pad, align: c.align ?? column.align ?? "left" });
        x += column.width;
      });
      doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor(PDF_COLOR.rule).stroke();
      doc.x = left;
      doc.y = y + h;
    };
    const header = columns.map((c) => ({ text: c.title, align: c.align }));
    const headerHeight = measure(header, true);
    ensure(headerHeight + 24);
    paint(header, true, headerHeight);
    for (const row of rows) {
      const h = measure(row, false);
      if (doc.y + h > bottom()) {
        doc.addPage();
        paint(header, true, headerHeight);
      }
      paint(row, false, h);
    }
  };

  const finish: PdfPage["finish"] = (footer, pageLabel) => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const keep = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - 40;
      doc.moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.5).strokeColor(PDF_COLOR.rule).stroke();
      doc.font("Sans").fontSize(8).fillColor(PDF_COLOR.muted);
      doc.text(footer, left, y, { width: width - 100, height: 10, ellipsis: true });
      doc.text(pageLabel(i - range.start + 1, range.count), left + width - 90, y, { width: 90, align: "right", lineBreak: false });
      doc.page.margins.bottom = keep;
    }
    doc.end();
    return done;
  };

  return { doc, left, width, ensure, heading, table, finish };
}

/** Text as an ASCII slug for a file name ("Årsrapport 2026" → "aarsrapport-2026"): safe in a quoted Content-Disposition. */
export function asciiSlug(s: string): string {
  return s.toLowerCase()
    .replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** Escapes text so Markdown shows it as written (no emphasis, links, headings or HTML). */
export function md(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, (_all, lead: string, mark: string, space: string) => `${lead}${mark.replace(/([-+.)])/, "\\$1")}${space}`);
}

/** One Markdown table cell: escaped, on one line. */
export const mdCell = (text: string) => md(text.replace(/\s*\n\s*/g, " ").trim()) || "–";
