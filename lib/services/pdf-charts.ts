import { CHART_STYLE, markerPath, type BarChart, type CoverageKey, type LineChart, type Rect, type SeriesKey, type StackedBar } from "../charts/geometry.ts";
import { PDF_COLOR } from "./pdf-layout.ts";

// The gap charts as PDF vector paths, from the same geometry as the SVG on the pages: the same
// patterns (solid, hatched, dotted, lined), dashes and point markers, and the numbers as text.

type Doc = PDFKit.PDFDocument;
type Key = SeriesKey | CoverageKey;
const color = (k: Key) => CHART_STYLE.colors[k];

/** Fills a rectangle with its series' pattern (clipped), then outlines it in the series' colour. */
function patterned(doc: Doc, r: Rect, k: Key) {
  if (r.width <= 0 || r.height <= 0) return;
  const kind = (CHART_STYLE.patterns as Record<string, string>)[k] ?? "solid";
  const c = color(k);
  if (kind === "solid") {
    doc.rect(r.x, r.y, r.width, r.height).fillColor(c).fill();
  } else {
    doc.save();
    doc.rect(r.x, r.y, r.width, r.height).fillColor("#ffffff").fill();
    doc.rect(r.x, r.y, r.width, r.height).clip();
    if (kind === "hatch") {
      for (let d = -r.height; d < r.width; d += 4.5) doc.moveTo(r.x + d, r.y + r.height).lineTo(r.x + d + r.height, r.y).lineWidth(1.6).strokeColor(c).stroke();
    } else if (kind === "dots") {
      for (let y = r.y + 2.5; y < r.y + r.height; y += 4.5) for (let x = r.x + 2.5; x < r.x + r.width; x += 4.5) doc.circle(x, y, 1.2).fillColor(c).fill();
    } else {
      for (let y = r.y + 2; y < r.y + r.height; y += 4) doc.moveTo(r.x, y).lineTo(r.x + r.width, y).lineWidth(1.3).strokeColor(c).stroke();
    }
    doc.restore();
  }
  doc.rect(r.x, r.y, r.width, r.height).lineWidth(0.8).strokeColor(c).stroke();
}

const at = (r: Rect, ox: number, oy: number): Rect => ({ x: r.x + ox, y: r.y + oy, width: r.width, height: r.height });

/** A legend row: the swatch (pattern, or dash and marker) and the label for each key. */
export function pdfLegend(doc: Doc, items: { key: Key; label: string; line?: boolean }[], x: number, y: number) {
  let cx = x;
  for (const item of items) {
    if (item.line) {
      const k = item.key as SeriesKey;
      const dash = CHART_STYLE.dashes[k];
      if (dash) doc.dash(dash[0], { space: dash[1] });
      doc.moveTo(cx, y + 5).lineTo(cx + 20, y + 5).lineWidth(1.6).strokeColor(color(k)).stroke();
      doc.undash();
      doc.save().translate(cx + 10, y + 5).path(markerPath(k)).fillColor(color(k)).fill().restore();
    } else {
      patterned(doc, { x: cx, y, width: 20, height: 10 }, item.key);
    }
    doc.font("Sans").fontSize(8).fillColor(PDF_COLOR.text).text(item.label, cx + 24, y + 1, { lineBreak: false });
    cx += 24 + doc.widthOfString(item.label) + 14;
  }
  doc.x = x;
  doc.y = y + 16;
}

/** Horizontal demand/supply bars with row labels, value labels and the value axis. */
export function pdfBarChart(doc: Doc, chart: BarChart, ox: number, oy: number, format: (n: number) => string) {
  const bottom = oy + chart.plot.y + chart.plot.height;
  for (const t of chart.ticks) {
    doc.moveTo(ox + t.at, oy + chart.plot.y).lineTo(ox + t.at, bottom).lineWidth(0.4).strokeColor(CHART_STYLE.colors.grid).stroke();
    doc.font("Sans").fontSize(7).fillColor(CHART_STYLE.colors.axis).text(format(t.value), ox + t.at - 20, bottom + 4, { width: 40, align: "center", lineBreak: false });
  }
  for (const r of chart.rows) {
    doc.font("Sans").fontSize(8).fillColor(PDF_COLOR.text).text(r.label, ox, oy + r.labelY - 8, { width: chart.plot.x - 8, align: "right", height: 10, ellipsis: true, lineBreak: false });
    for (const b of r.bars) {
      patterned(doc, at(b.rect, ox, oy), b.series);
      doc.font("Sans").fontSize(7).fillColor(PDF_COLOR.text).text(format(b.value), ox + b.rect.x + b.rect.width + 3, oy + b.rect.y + 2, { lineBreak: false });
    }
  }
  doc.moveTo(ox + chart.zero, oy + chart.plot.y).lineTo(ox + chart.zero, bottom).lineWidth(0.8).strokeColor(CHART_STYLE.colors.axis).stroke();
  doc.x = ox;
  doc.y = oy + chart.height + 4;
}

/** Lines over periods with their dash and markers, value axis left, periods below, names at the end. */
export function pdfLineChart(doc: Doc, chart: LineChart, ox: number, oy: number, format: (n: number) => string, labels: Record<SeriesKey, string>) {
  const p = chart.plot;
  for (const t of chart.ticks) {
    doc.moveTo(ox + p.x, oy + t.at).lineTo(ox + p.x + p.width, oy + t.at).lineWidth(0.4).strokeColor(CHART_STYLE.colors.grid).stroke();
    doc.font("Sans").fontSize(7).fillColor(CHART_STYLE.colors.axis).text(format(t.value), ox, oy + t.at - 4, { width: p.x - 6, align: "right", lineBreak: false });
  }
  for (const period of chart.periods) {
    doc.font("Sans").fontSize(7).fillColor(CHART_STYLE.colors.axis).text(period.label, ox + period.at - 25, oy + p.y + p.height + 6, { width: 50, align: "center", lineBreak: false });
  }
  for (const s of chart.series) {
    const dash = CHART_STYLE.dashes[s.key];
    doc.save().translate(ox, oy);
    if (dash) doc.dash(dash[0], { space: dash[1] });
    doc.path(s.path).lineWidth(1.6).strokeColor(color(s.key)).stroke();
    doc.undash();
    for (const pt of s.points) doc.save().translate(pt.x, pt.y).path(markerPath(s.key)).fillColor(color(s.key)).fill().restore();
    doc.restore();
    if (s.last) doc.font("Sans-Bold").fontSize(7.5).fillColor(color(s.key)).text(labels[s.key], ox + s.last.x + 6, oy + s.last.y - 4, { lineBreak: false });
  }
  doc.x = ox;
  doc.y = oy + chart.height + 4;
}

/** One bar split by coverage, each part patterned and, when wide enough, with its count. */
export function pdfStackedBar(doc: Doc, chart: StackedBar, ox: number, oy: number, format: (n: number) => string) {
  doc.rect(ox + chart.bar.x, oy + chart.bar.y, chart.bar.width, chart.bar.height).lineWidth(0.6).strokeColor(CHART_STYLE.colors.axis).stroke();
  for (const s of chart.segments) {
    if (s.value <= 0) continue;
    const r = at(s.rect, ox, oy);
    patterned(doc, r, s.key);
    if (r.width > 24) {
      doc.font("Sans-Bold").fontSize(9);
      const label = format(s.value);
      const w = doc.widthOfString(label) + 6;
      doc.rect(r.x + r.width / 2 - w / 2, r.y + r.height / 2 - 6, w, 12).fillColor("#ffffff").fill();
      doc.fillColor(PDF_COLOR.text).text(label, r.x + r.width / 2 - w / 2, r.y + r.height / 2 - 5, { width: w, align: "center", lineBreak: false });
    }
  }
  doc.x = ox;
  doc.y = oy + chart.height + 4;
}
