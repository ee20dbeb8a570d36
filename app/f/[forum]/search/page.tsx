import type { Metadata } from "next";
import Link from "next/link";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { getForumOverview } from "@/lib/db/forums";
import { searchForum } from "@/lib/services/search";
import { pages } from "@/lib/urls";
import { summary } from "@/lib/validation/format";
import { searchParamsToQuery, searchQuerySchema } from "@/lib/validation/search";
import { SearchForm, type SearchFormValues } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";

type Props = { params: Promise<{ forum: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const KEYS = ["q", "group", "kind", "area", "status", "cursor"] as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getT();
  const q = (await searchParams).q;
  return { title: typeof q === "string" && q.trim() ? `${t("search.title")}: ${q.trim().slice(0, 60)}` : t("search.title") };
}

/** The search page: query and filters from the URL, results the viewer may read, a link to the next page. */
export default async function SearchPage({ params, searchParams }: Props) {
  const { forum } = await params;
  const raw = await searchParams;
  const given: Record<string, string> = {};
  for (const key of KEYS) {
    const v = raw[key];
    if (typeof v === "string" && v !== "") given[key] = v;
  }
  const { access } = await requireForum(forum, pages.search(forum, searchParamsToQuery(given)));
  const t = await getT();
  const slug = access.forum.slug;
  const { groups, targetAreas } = await getForumOverview(db(), access.forum.id);
  const parsed = given.q ? searchQuerySchema.safeParse(given) : null;
  const results = parsed?.success ? await searchForum(access, parsed.data) : null;
  const values: SearchFormValues = { q: given.q ?? "", group: given.group, kind: given.kind, area: given.area, status: given.status };
  const q = parsed?.success ? parsed.data.q : (given.q ?? "");

  return (
    <>
      <header className="page-header">
        <h1>{t("search.title")}</h1>
        <p className="muted">{t("search.intro")}</p>
      </header>
      <SearchForm forum={slug} values={values} groups={groups.map((g) => ({ id: g.id, name: g.name }))} areas={targetAreas.map((a) => ({ id: a.id, name: a.name }))} />
      <section aria-labelledby="search-results-title" className="section">
        <h2 id="search-results-title">{results ? t("search.resultsFor", { q }) : t("search.results")}</h2>
        {parsed && !parsed.success ? (
          <p className="notice notice--error" role="alert">
            {t("search.invalid", { message: summary(parsed.error, t) })}
          </p>
        ) : null}
        {!given.q ? <p className="empty">{t("search.empty")}</p> : null}
        {results ? (
          <div aria-live="polite">
            <p className="muted" role="status">
              {results.hits.length === 0 ? t("search.none", { q }) : t("search.shown", { count: results.hits.length })}
            </p>
            {results.hits.length > 0 ? <SearchResults hits={results.hits} /> : null}
            {results.nextCursor !== null ? (
              <p>
                <Link className="button button--secondary" href={pages.search(slug, searchParamsToQuery({ ...given, cursor: results.nextCursor }))}>
                  {t("search.more")}
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </section>
    </>
  );
}
