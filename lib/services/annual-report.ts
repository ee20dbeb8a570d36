import { barChart, lineChart, stackedBar } from "../charts/geometry.ts";
import { loadAreaWork, type AreaAction, type AreaRecommendation } from "../db/area-work.ts";
import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { listNeedPeriods, loadGapNames, loadGapRows } from "../db/gap.ts";
import { formatNumber } from "../i18n/format.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { shapeGap, trendPeriods } from "../needs/gap.ts";
import { presentGap, type PresentedGap, type PresentedUnit } from "../presenters/gap.ts";
import { recordDateTime } from "./decision-record.ts";
import { AppError } from "./errors.ts";
import { pdfBarChart, pdfLegend, pdfLineChart, pdfStackedBar } from "./pdf-charts.ts";
import { asciiSlug, md, mdCell as cell, openPdf, PDF_COLOR, type PdfPage } from "./pdf-layout.ts";

// The annual report (årsrapport) of one period, on demand: the forum's gap, then for each target
// area its needs and gap, the recommendations approved in the period with their decision dates, its
// actions and where they stand, and who is Accountable. As Markdown and as PDF (with the charts),
// in the reader's language (Bokmål by default). Every member of the forum may download it.

/** Needs listed per target area at most (the sums always cover all of them). */
export const REPORT_NEEDS_PER_AREA = 200;

export interface AnnualReportSection {
  /** Null: the needs and actions with no target area. */
  areaId: string | null;
  name: string;
  gap: PresentedGap;
  approved: AreaRecommendation[];
  actions: AreaAction[];
}

export interface AnnualReport {
  forumName: string;
  period: string;
  generatedAt: Date;
  forum: PresentedGap;
  sections: AnnualReportSection[];
}

/** The first moment of the period and of the one after, in Norwegian time (winter +01:00, summer +02:00). */
export function periodBounds(period: string): [Date, Date] {
  const m = /^(\d{4})(?:-H([12]))?$/.exec(period);
  if (!m) throw new AppError("invalid_input", "validation.period");
  const year = Number(m[1]);
  const jan = (y: number) => new Date(`${y}-01-01T00:00:00+01:00`);
  const jul = (y: number) => new Date(`${y}-07-01T00:00:00+02:00`);
  if (m[2] === "1") return [jan(year), jul(year)];
  if (m[2] === "2") return [jul(year), jan(year + 1)];
  return [jan(year), jan(year + 1)];
}

/** Reads everything the report prints; `period` must be well-formed (lib/validation/gap.ts). */
export async function loadAnnualReport(access: ForumAccess, period: string, opts: { t: Translate; locale: Locale; now?: Date }): Promise<AnnualReport> {
  const client = db();
  const forumId = access.forum.id;
  const [periods, names, work] = await Promise.all([listNeedPeriods(client, forumId), loadGapNames(client, forumId), loadAreaWork(client, forumId, { withoutArea: true })]);
  const trend = trendPeriods(periods, { to: period, like: period });
  const gapOf = async (targetAreaId: string | undefined) =>
    presentGap(shapeGap(await loadGapRows(client, forumId, { filter: { targetAreaId }, period, trendPeriods: trend, needLimit: REPORT_NEEDS_PER_AREA })), names, { t: opts.t, locale: opts.locale, period });
  const [from, to] = periodBounds(period);
  const approvedIn = (r: AreaRecommendation) => r.approvedAt !== null && r.approvedAt >= from && r.approvedAt < to;

  const forum = await gapOf(undefined);
  const sections: AnnualReportSection[] = [];
  for (const area of names.liveAreas) {
    sections.push({
      areaId: area.id, name: area.name, gap: await gapOf(area.id),
      approved: work.recommendations.filter((r) => r.targetAreaIds.includes(area.id) && approvedIn(r)),
      actions: work.actions.filter((a) => a.targetAreaId === area.id),
    });
  }
  // Needs of no (or an archived) target area, recommendations without one, actions without one.
  const live = new Set(names.liveAreas.map((a) => a.id));
  const rest = forum.needs.filter((n) => !names.liveAreas.some((a) => a.name === n.area));
  const restApproved = work.recommendations.filter((r) => !r.targetAreaIds.some((id) => live.has(id)) && approvedIn(r));
  const restActions = work.actions.filter((a) => a.targetAreaId === null || !live.has(a.targetAreaId));
  if (rest.length || restApproved.length || restActions.length) {
    sections.push({ areaId: null, name: opts.t("annualReport.noArea"), gap: { ...forum, units: [], needs: rest, totalNeeds: rest.length, coverageCounts: [] }, approved: restApproved, actions: restActions });
  }
  return { forumName: access.forum.name, period, generatedAt: opts.now ?? new Date(), forum, sections };
}

export function annualReportFilename(report: AnnualReport, t: Translate, extension: "pdf" | "md"): string {
  return `${asciiSlug(t("annualReport.filePrefix")) || "report"}-${asciiSlug(report.forumName).slice(0, 40).replace(/-+$/g, "") || "forum"}-${report.period.toLowerCase()}.${extension}`;
}

// ---------------------------------------------------------------------------------------------
// Shared wording

const joinOr = (list: string[], none: string) => (list.length ? list.join(", ") : none);
const decided = (r: AreaRecommendation, t: Translate) => (r.approvedAt ? recordDateTime(r.approvedAt, t) : t("annualReport.none"));
const statusWord = (t: Translate, status: string) => t(`actionStatus.${status as "OPEN"}`);

function needRows(gap: PresentedGap, locale: Locale) {
  const n = (v: number) => formatNumber(v, locale);
  return gap.needs.map((x) => [x.title, x.field, x.region, n(x.demand), n(x.supply), n(x.gap), x.unitWord, x.coverageLabel]);
}

function needHeader(t: Translate) {
  return [t("gap.need"), t("gap.field"), t("gap.region"), t("gap.demand"), t("gap.supply"), t("gap.gapCol"), t("gap.unit"), t("annualReport.coverage")];
}

// ---------------------------------------------------------------------------------------------
// Markdown

function mdTable(header: string[], rows: string[][]): string[] {
  return [`| ${header.map(cell).join(" | ")} |`, `|${"---|".repeat(header.length)}`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`), ""];
}

function mdUnit(u: PresentedUnit, t: Translate, locale: Locale): string[] {
  const n = (v: number) => formatNumber(v, locale);
  const out = [`**${md(u.unitName)}:** ${md(u.totalsText)}`, ""];
  if (u.largest.length) out.push(`*${md(t("gap.largest"))}*`, "", ...mdTable([t("gap.field"), t("gap.demand"), t("gap.supply"), t("gap.gapCol")], u.largest.map((f) => [f.label, n(f.demand), n(f.supply), n(f.gap)])));
  out.push(`*${md(t("gap.coverage"))}*`, "", ...mdTable([t("gap.coverage"), t("gap.needsCol"), t("gap.gapCol")], u.coverage.map((c) => [c.label, n(c.needs), n(c.gap)])));
  if (u.trend.length > 1) out.push(`*${md(t("gap.trend"))}*`, "", ...mdTable([t("gap.period"), t("gap.demand"), t("gap.supply"), t("gap.gapCol")], u.trend.map((p) => [p.label, n(p.demand), n(p.supply), n(p.gap)])));
  return out;
}

/** The annual report as Markdown (CommonMark with GFM tables). */
export function annualReportMarkdown(report: AnnualReport, t: Translate, locale: Locale): string {
  const out: string[] = [];
  out.push(`# ${md(t("annualReport.heading", { period: report.period }))}`, "", `**${md(report.forumName)}**`, "");
  out.push(`*${md(t("annualReport.generated", { date: recordDateTime(report.generatedAt, t) }))}*`, "");
  out.push(`## ${md(t("annualReport.summary"))}`, "", md(t("gap.coverageIntro")), "");
  out.push(...mdTable([t("gap.coverage"), t("gap.needsCol")], report.forum.coverageCounts.map((c) => [c.label, formatNumber(c.needs, locale)])));
  if (report.forum.units.length > 1) out.push(md(t("gap.mixedUnits")), "");
  for (const u of report.forum.units) out.push(...mdUnit(u, t, locale));

  for (const s of report.sections) {
    out.push(`## ${md(s.areaId ? t("annualReport.area", { name: s.name }) : s.name)}`, "");
    out.push(`### ${md(t("annualReport.needs"))}`, "");
    if (s.gap.needs.length === 0) out.push(`*${md(t("annualReport.noNeeds"))}*`, "");
    for (const u of s.gap.units) out.push(...mdUnit(u, t, locale));
    if (s.gap.needs.length) out.push(...mdTable(needHeader(t), needRows(s.gap, locale)));
    out.push(`### ${md(t("annualReport.approved"))}`, "");
    if (s.approved.length === 0) out.push(`*${md(t("annualReport.noApproved"))}*`, "");
    else out.push(...mdTable([t("area.document"), t("annualReport.group"), t("annualReport.decidedAt"), t("annualReport.accountable")], s.approved.map((r) => [r.title, r.groupName, decided(r, t), joinOr(r.accountable, t("annualReport.none"))])));
    out.push(`### ${md(t("annualReport.actions"))}`, "");
    if (s.actions.length === 0) out.push(`*${md(t("annualReport.noActions"))}*`, "");
    else out.push(...mdTable([t("annualReport.actions"), t("annualReport.group"), t("annualReport.status"), t("annualReport.owner"), t("annualReport.accountable")], s.actions.map((a) => [a.title, a.groupName, statusWord(t, a.status), a.owner ?? t("area.noOwner"), joinOr(a.accountable, t("annualReport.none"))])));
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// PDF

function pdfUnit(page: PdfPage, u: PresentedUnit, t: Translate, locale: Locale, opts: { charts: boolean }) {
  const { doc, left, width, ensure } = page;
  const n = (v: number) => formatNumber(v, locale);
  ensure(40);
  doc.font("Sans-Bold").fontSize(10.5).fillColor(PDF_COLOR.text).text(u.unitName, left, doc.y, { width });
  doc.font("Sans").fontSize(9.5).text(u.totalsText, { width });
  doc.moveDown(0.4);
  const series = { demand: t("gap.demand"), supply: t("gap.supply"), gap: t("gap.gapCol") };
  if (opts.charts && u.largest.length) {
    // The same geometry as on the page, at the page's printable width.
    const chart = barChart(u.largest, { width, labelWidth: 130 });
    ensure(chart.height + 40);
    doc.font("Sans-Bold").fontSize(9).fillColor(PDF_COLOR.text).text(u.charts.largest!.title, left, doc.y);
    pdfLegend(doc, [{ key: "demand", label: series.demand }, { key: "supply", label: series.supply }], left, doc.y + 2);
    pdfBarChart(doc, chart, left, doc.y, n);
  }
  ensure(70);
  doc.font("Sans-Bold").fontSize(9).fillColor(PDF_COLOR.text).text(u.charts.coverage.title, left, doc.y);
  pdfLegend(doc, u.coverage.map((c) => ({ key: c.coverage, label: `${c.label} (${n(c.needs)})` })), left, doc.y + 2);
  pdfStackedBar(doc, stackedBar(u.coverage.map((c) => ({ key: c.coverage, value: c.needs })), { width }), left, doc.y, n);
  if (opts.charts && u.charts.trend) {
    const chart = lineChart(u.trend.map((p) => p.label), (["demand", "supply", "gap"] as const).map((key) => ({ key, values: u.trend.map((p) => p[key]) })), { width, height: 180 });
    ensure(chart.height + 40);
    doc.font("Sans-Bold").fontSize(9).fillColor(PDF_COLOR.text).text(u.charts.trend.title, left, doc.y);
    pdfLegend(doc, (["demand", "supply", "gap"] as const).map((k) => ({ key: k, label: series[k], line: true })), left, doc.y + 2);
    pdfLineChart(doc, chart, left, doc.y, n, series);
  }
  if (u.trend.length > 1) {
    page.table(
      [{ title: t("gap.period"), width: width - 3 * 90 }, { title: t("gap.demand"), width: 90, align: "right" }, { title: t("gap.supply"), width: 90, align: "right" }, { title: t("gap.gapCol"), width: 90, align: "right" }],
      u.trend.map((p) => [{ text: p.label }, { text: n(p.demand) }, { text: n(p.supply) }, { text: n(p.gap) }]),
      8.5,
    );
    doc.moveDown(0.6);
  }
}

/** The annual report as an A4 PDF with the charts drawn as vector paths, DejaVu Sans embedded. */
export async function annualReportPdf(report: AnnualReport, t: Translate, locale: Locale): Promise<Buffer> {
  const title = t("annualReport.heading", { period: report.period });
  const page = openPdf({ title: `${title} – ${report.forumName}`, subject: report.forumName, author: report.forumName, lang: t("annualReport.lang") });
  const { doc, left, width } = page;
  const n = (v: number) => formatNumber(v, locale);

  doc.font("Sans").fontSize(9.5).fillColor(PDF_COLOR.muted).text(report.forumName, left, doc.page.margins.top, { width });
  doc.moveDown(0.3);
  doc.font("Sans-Bold").fontSize(22).fillColor(PDF_COLOR.text).text(title, { width });
  doc.moveDown(0.2);
  doc.font("Sans-Oblique").fontSize(8.5).fillColor(PDF_COLOR.muted).text(t("annualReport.generated", { date: recordDateTime(report.generatedAt, t) }), { width });
  doc.fillColor(PDF_COLOR.text);

  page.heading(t("annualReport.summary"));
  doc.font("Sans").fontSize(9.5).fillColor(PDF_COLOR.text).text(t("gap.coverageIntro"), left, doc.y, { width });
  doc.moveDown(0.4);
  page.table([{ title: t("gap.coverage"), width: width - 120 }, { title: t("gap.needsCol"), width: 120, align: "right" }], report.forum.coverageCounts.map((c) => [{ text: c.label }, { text: n(c.needs) }]));
  doc.moveDown(0.6);
  if (report.forum.units.length > 1) {
    doc.font("Sans-Oblique").fontSize(9).fillColor(PDF_COLOR.muted).text(t("gap.mixedUnits"), left, doc.y, { width });
    doc.moveDown(0.4);
  }
  for (const u of report.forum.units) pdfUnit(page, u, t, locale, { charts: true });

  for (const s of report.sections) {
    doc.addPage();
    page.heading(s.areaId ? t("annualReport.area", { name: s.name }) : s.name, { size: 15 });
    page.heading(t("annualReport.needs"));
    if (s.gap.needs.length === 0) doc.font("Sans-Oblique").fontSize(10).fillColor(PDF_COLOR.muted).text(t("annualReport.noNeeds"), left, doc.y, { width });
    for (const u of s.gap.units) pdfUnit(page, u, t, locale, { charts: true });
    if (s.gap.needs.length) {
      const widths = [125, 80, 62, 40, 40, 40, 48];
      widths.push(width - widths.reduce((a, b) => a + b, 0));
      const header = needHeader(t);
      page.table(
        header.map((title, i) => ({ title, width: widths[i]!, align: i >= 3 && i <= 5 ? ("right" as const) : ("left" as const) })),
        needRows(s.gap, locale).map((r) => r.map((text) => ({ text }))),
        7.5,
      );
    }
    page.heading(t("annualReport.approved"));
    if (s.approved.length === 0) doc.font("Sans-Oblique").fontSize(10).fillColor(PDF_COLOR.muted).text(t("annualReport.noApproved"), left, doc.y, { width });
    else {
      page.table(
        [{ title: t("area.document"), width: width - 110 - 115 - 110 }, { title: t("annualReport.group"), width: 110 }, { title: t("annualReport.decidedAt"), width: 115 }, { title: t("annualReport.accountable"), width: 110 }],
        s.approved.map((r) => [{ text: r.title }, { text: r.groupName }, { text: decided(r, t) }, { text: joinOr(r.accountable, t("annualReport.none")) }]),
      );
    }
    page.heading(t("annualReport.actions"));
    if (s.actions.length === 0) doc.font("Sans-Oblique").fontSize(10).fillColor(PDF_COLOR.muted).text(t("annualReport.noActions"), left, doc.y, { width });
    else {
      page.table(
        [{ title: t("annualReport.actions"), width: width - 100 - 70 - 95 - 95 }, { title: t("annualReport.group"), width: 100 }, { title: t("annualReport.status"), width: 70 }, { title: t("annualReport.owner"), width: 95 }, { title: t("annualReport.accountable"), width: 95 }],
        s.actions.map((a) => [{ text: a.title }, { text: a.groupName }, { text: statusWord(t, a.status), font: "Sans-Bold" }, { text: a.owner ?? t("area.noOwner") }, { text: joinOr(a.accountable, t("annualReport.none")) }]),
      );
    }
  }
  return page.finish(`${title} · ${report.forumName}`, (p, pages) => t("annualReport.page", { page: p, pages }));
}
