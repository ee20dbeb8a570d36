import type { Metadata } from "next";
import Link from "next/link";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listNeedPeriods } from "@/lib/db/gap";
import { defaultPeriod } from "@/lib/needs/gap";
import { comparePeriods } from "@/lib/needs/period";
import { pages, reports } from "@/lib/urls";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("annualReport.title") };
}

/** Choose a period and download the annual report as PDF or Markdown (plain GET forms: no script needed). */
export default async function AnnualReportPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.annualReport(forum));
  const t = await getT();
  const slug = access.forum.slug;
  const periods = (await listNeedPeriods(db(), access.forum.id)).sort(comparePeriods).reverse();
  const chosen = defaultPeriod(periods);
  return (
    <>
      <header className="page-header">
        <h1>{t("annualReport.title")}</h1>
        <p className="lead">{t("annualReport.intro")}</p>
        <p><Link href={pages.gap(slug)}>{t("gap.title")}</Link></p>
      </header>
      {periods.length === 0 ? (
        <p className="empty">{t("annualReport.noPeriods")}</p>
      ) : (
        <form method="get" action={reports.annualPdfBase(slug)} className="gap-filters" aria-labelledby="report-form-title">
          <h2 id="report-form-title">{t("annualReport.download")}</h2>
          <div className="field">
            <label htmlFor="report-period">{t("annualReport.period")}</label>
            <select id="report-period" name="period" defaultValue={chosen ?? undefined}>
              {periods.map((p) => (
                <option key={p} value={p}>{p}</option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary">{`${t("annualReport.download")} ${t("annualReport.pdf")}`}</button>
            <button type="submit" className="button button--secondary" formAction={reports.annualMarkdownBase(slug)}>{`${t("annualReport.download")} ${t("annualReport.markdown")}`}</button>
          </div>
        </form>
      )}
    </>
  );
}
