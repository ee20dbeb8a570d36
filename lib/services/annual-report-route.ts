import type { ForumAccess } from "../db/forums.ts";
import { isLocale, translator, type Locale } from "../i18n/index.ts";
import { annualReportQuerySchema } from "../validation/gap.ts";
import { annualReportFilename, annualReportMarkdown, annualReportPdf, loadAnnualReport } from "./annual-report.ts";

/**
 * The download of an annual report (`?period=2026`) for a member of the forum, in the reader's
 * language: a bad period is a 400 with a readable message (thrown by the schema).
 */
export async function annualReportDownload(req: Request, ctx: { access: ForumAccess; me: { locale: string }; locale: Locale }, format: "pdf" | "md"): Promise<Response> {
  const { period } = annualReportQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const locale = isLocale(ctx.me.locale) ? ctx.me.locale : ctx.locale;
  const t = translator(locale);
  const report = await loadAnnualReport(ctx.access, period, { t, locale });
  const body = format === "pdf" ? new Uint8Array(await annualReportPdf(report, t, locale)) : new TextEncoder().encode(annualReportMarkdown(report, t, locale));
  return new Response(body, {
    headers: {
      "Content-Type": format === "pdf" ? "application/pdf" : "text/markdown; charset=utf-8",
      "Content-Length": String(body.length),
      "Content-Disposition": `attachment; filename="${annualReportFilename(report, t, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
