import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listGroups } from "@/lib/db/groups";
import { listNeeds, listRegions } from "@/lib/db/needs";
import { listTargetAreas } from "@/lib/db/target-areas";
import { formatNumber } from "@/lib/i18n/format";
import { worksInGroup } from "@/lib/policies/actor";
import { presentNeed } from "@/lib/presenters/need";
import { api, pages } from "@/lib/urls";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { needListQuerySchema } from "@/lib/validation/need";
import { CoverageBadge } from "@/components/needs/need-badges";

type Props = { params: Promise<{ forum: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("needs.title") };
}

/** The needs register: every need of the forum, filtered and sorted from the address (so a view can be shared). */
export default async function NeedsPage({ params, searchParams }: Props) {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.needs(forum));
  const t = await getT();
  const locale = await getLocale();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = needListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : needListQuerySchema.parse({});
  const { sort, page, ...filter } = query;
  const [{ total, rows }, groups, areas, regions] = await Promise.all([
    listNeeds(db(), access.forum.id, filter, sort, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    listGroups(db(), access.forum.id),
    listTargetAreas(db(), access.forum.id),
    listRegions(db(), access.forum.id),
  ]);
  const needs = rows.map((n) => presentNeed(access, n));
  const pagesCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const slug = access.forum.slug;
  const mayAdd = groups.some((g) => worksInGroup(access, g.id));
  const pageLink = (p: number) => {
    const q = new URLSearchParams(raw);
    q.set("page", String(p));
    return pages.needs(slug, q);
  };
  const num = (n: number) => formatNumber(n, locale);
  return (
    <>
      <LiveRefresh url={api.events(slug, ["needs"])} />
      <header className="page-header">
        <h1>{t("needs.title")}</h1>
        <p className="lead">{t("needs.intro")}</p>
        {mayAdd ? (
          <p className="button-row">
            <Link className="button button--primary" href={pages.needNew(slug)}>{t("needs.newNeed")}</Link>
            <Link className="button button--secondary" href={pages.needsImport(slug)}>{t("needs.import")}</Link>
          </p>
        ) : null}
      </header>
      <form method="get" className="filters filter-bar card" aria-label={t("needs.filters")}>
        <div className="field">
          <label htmlFor="needs-q">{t("needs.search")}</label>
          <input id="needs-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="needs-area">{t("needs.fields.targetArea")}</label>
          <select id="needs-area" name="targetAreaId" defaultValue={filter.targetAreaId ?? ""}>
            <option value="">{t("needs.allAreas")}</option>
            {areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="needs-group">{t("needs.colGroup")}</label>
          <select id="needs-group" name="groupId" defaultValue={filter.groupId ?? ""}>
            <option value="">{t("needs.allGroups")}</option>
            {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="needs-region">{t("needs.colRegion")}</label>
          <select id="needs-region" name="regionId" defaultValue={filter.regionId ?? ""}>
            <option value="">{t("needs.allRegions")}</option>
            <option value="county">{t("needs.county")}</option>
            {regions.filter((r) => r.kind !== "COUNTY").map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="needs-period">{t("needs.colPeriod")}</label>
          <input id="needs-period" name="period" defaultValue={filter.period ?? ""} size={8} placeholder="2026" />
        </div>
        <div className="field">
          <label htmlFor="needs-sort">{t("needs.sort")}</label>
          <select id="needs-sort" name="sort" defaultValue={sort}>
            <option value="gap">{t("needs.sortGap")}</option>
            <option value="title">{t("needs.sortTitle")}</option>
            <option value="period">{t("needs.sortPeriod")}</option>
            <option value="updated">{t("needs.sortUpdated")}</option>
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived} /> {t("needs.showArchived")}
        </label>
        <p className="button-row">
          <button type="submit" className="button button--primary">{t("needs.filter")}</button>
          <Link className="button button--quiet" href={pages.needs(slug)}>{t("needs.reset")}</Link>
        </p>
      </form>
      <p className="muted" role="status">{t("needs.count", { count: total })}</p>
      {needs.length === 0 ? (
        <p className="empty">{t(Object.keys(raw).length ? "needs.none" : "needs.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table needs-table">
            <caption className="visually-hidden">{t("needs.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("needs.colTitle")}</th>
                <th scope="col">{t("needs.colRegion")}</th>
                <th scope="col">{t("needs.colPeriod")}</th>
                <th scope="col" className="num">{t("needs.colDemand")}</th>
                <th scope="col" className="num">{t("needs.colSupply")}</th>
                <th scope="col" className="num">{t("needs.colGap")}</th>
                <th scope="col">{t("needs.colCoverage")}</th>
                <th scope="col">{t("needs.colGroup")}</th>
              </tr>
            </thead>
            <tbody>
              {needs.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link href={pages.need(slug, n.id)}>{n.title}</Link>
                    <span className="muted small block">{n.field}{n.archived ? ` · ${t("needs.archived")}` : ""}</span>
                  </th>
                  <td>{n.region?.name ?? t("needs.county")}</td>
                  <td>{n.period}</td>
                  <td className="num">{num(n.demand)}</td>
                  <td className="num">{num(n.supply)}</td>
                  <td className="num"><strong>{num(n.gap)}</strong> <span className="muted small">{t(`needs.units.${n.unit}`)}</span></td>
                  <td><CoverageBadge coverage={n.coverage} t={t} /></td>
                  <td>{n.group.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pagesCount > 1 ? (
        <nav className="pager" aria-label={t("needs.pageOf", { page, pages: pagesCount })}>
          {page > 1 ? <Link href={pageLink(page - 1)} rel="prev">{t("needs.previous")}</Link> : null}
          <span>{t("needs.pageOf", { page, pages: pagesCount })}</span>
          {page < pagesCount ? <Link href={pageLink(page + 1)} rel="next">{t("needs.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
