import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getT, requireForum } from "@/lib/auth/page-guards";
import { loadGapView } from "@/lib/services/gap-view";
import { api, pages } from "@/lib/urls";
import { gapQueryInput, gapQueryToSearch, parseGapQuery } from "@/lib/validation/gap";
import { GapFigures } from "@/components/gap/gap-figures";
import { GapFilters } from "@/components/gap/gap-filters";
import { LiveRefresh } from "@/components/realtime/live-refresh";

type Props = { params: Promise<{ forum: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("gap.title") };
}

/** Kompetansegapet: the forum's (or a filtered part's) demand, supply, gap and coverage; live. */
export default async function GapPage({ params, searchParams }: Props) {
  const { forum } = await params;
  const input = gapQueryInput(await searchParams);
  const { access } = await requireForum(forum, pages.gap(forum, gapQueryToSearch(input)));
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { query, invalid } = parseGapQuery(input);
  const view = await loadGapView(access, query, { t, locale });
  const slug = access.forum.slug;
  return (
    <>
      <header className="page-header">
        <h1>{t("gap.title")}</h1>
        <p className="lead">{t("gap.intro")}</p>
        <p className="muted">
          {view.period ? `${t("gap.forPeriod", { period: view.period })}. ` : null}
          {t("gap.live")} <Link href={pages.annualReport(slug)}>{t("gap.annualReportLink")}</Link>
        </p>
      </header>
      <LiveRefresh url={api.events(slug, ["needs"])} />
      <GapFilters forum={slug} values={input} invalid={invalid} view={view} t={t} />
      <GapFigures forum={slug} gap={view.presented} t={t} locale={locale} />
    </>
  );
}
