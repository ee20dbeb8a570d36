import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getT, requireForum } from "@/lib/auth/page-guards";
import { findAreaForPage, groupsWithNeedsIn, loadAreaWork } from "@/lib/db/area-work";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { loadGapView } from "@/lib/services/gap-view";
import { api, pages } from "@/lib/urls";
import { gapQueryInput, gapQueryToSearch, parseGapQuery } from "@/lib/validation/gap";
import { GapFigures } from "@/components/gap/gap-figures";
import { GapFilters } from "@/components/gap/gap-filters";
import { ScrollTable } from "@/components/ui/scroll-table";
import { LiveRefresh } from "@/components/realtime/live-refresh";

type Props = { params: Promise<{ forum: string; areaId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(forum: string, areaId: string) {
  const { access } = await requireForum(forum, pages.area(forum, areaId));
  const area = await findAreaForPage(db(), access.forum.id, areaId);
  if (!area) notFound();
  return { access, area };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { forum, areaId } = await params;
  const { area } = await load(forum, areaId);
  return { title: (await getT())("area.title", { name: area.name }) };
}

/** A target area: its needs and gap, its recommendations and their approval, its actions, its groups. */
export default async function TargetAreaPage({ params, searchParams }: Props) {
  const { forum, areaId } = await params;
  const { access, area } = await load(forum, areaId);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const input = gapQueryInput(await searchParams);
  delete input.area;
  const { query, invalid } = parseGapQuery(input);
  const slug = access.forum.slug;
  const [view, work, needGroups] = await Promise.all([
    loadGapView(access, { ...query, area: area.id }, { t, locale }),
    loadAreaWork(db(), access.forum.id, { areaId: area.id }),
    groupsWithNeedsIn(db(), access.forum.id, area.id),
  ]);
  const groups = new Map<string, string>();
  for (const g of [...needGroups, ...work.recommendations.map((r) => ({ id: r.groupId, name: r.groupName })), ...work.actions.map((a) => ({ id: a.groupId, name: a.groupName }))]) groups.set(g.id, g.name);
  const list = (names: string[]) => (names.length ? names.join(", ") : "–");

  return (
    <>
      <header className="page-header">
        <p className="eyebrow">{t("gap.area")}</p>
        <h1>{area.name}</h1>
        {area.description ? <p className="lead">{area.description}</p> : null}
        {area.period ? <p className="muted">{t("forum.period", { period: area.period })}</p> : null}
        {area.archivedAt ? <p className="notice notice--warn">{t("area.archived")}</p> : null}
        <p>
          <Link href={pages.gap(slug, gapQueryToSearch({ area: area.id }))}>{t("area.gapLink")}</Link>
        </p>
      </header>
      <LiveRefresh url={api.events(slug, ["needs"])} />
      <GapFilters forum={slug} values={input} invalid={invalid} view={view} t={t} fixedArea={area.id} />
      <GapFigures forum={slug} gap={view.presented} t={t} locale={locale} showAreas={false} />

      <section aria-labelledby="area-recommendations" className="section">
        <h2 id="area-recommendations">{t("area.recommendations")}</h2>
        {work.recommendations.length === 0 ? (
          <p className="empty">{t("area.noRecommendations")}</p>
        ) : (
          <ScrollTable
            id="area-recommendations-table" labelledBy="area-recommendations" testId="area-recommendations"
            head={
              <>
                <th scope="col">{t("area.document")}</th>
                <th scope="col">{t("area.group")}</th>
                <th scope="col">{t("area.status")}</th>
                <th scope="col">{t("area.accountable")}</th>
              </>
            }
          >
            {work.recommendations.map((r) => (
              <tr key={r.id}>
                <th scope="row"><Link href={pages.document(slug, r.groupId, r.id)}>{r.title}</Link></th>
                <td>{r.groupName}</td>
                <td>
                  <span className="status-pill">{t(`documentStatus.${r.status as "DRAFT"}`)}</span>
                  {r.approvedAt ? <> {t("area.approvedOn", { date: formatDate(r.approvedAt, locale) })}</> : null}
                </td>
                <td>{list(r.accountable)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="area-actions" className="section">
        <h2 id="area-actions">{t("area.actions")}</h2>
        {work.actions.length === 0 ? (
          <p className="empty">{t("area.noActions")}</p>
        ) : (
          <ScrollTable
            id="area-actions-table" labelledBy="area-actions" testId="area-actions"
            head={
              <>
                <th scope="col">{t("area.actions")}</th>
                <th scope="col">{t("area.group")}</th>
                <th scope="col">{t("area.status")}</th>
                <th scope="col">{t("area.owner")}</th>
                <th scope="col">{t("area.accountable")}</th>
                <th scope="col">{t("area.due")}</th>
              </>
            }
          >
            {work.actions.map((a) => (
              <tr key={a.id}>
                <th scope="row"><Link href={pages.actionDetail(slug, a.groupId, a.id)}>{a.title}</Link></th>
                <td>{a.groupName}</td>
                <td><span className="status-pill">{t(`actionStatus.${a.status as "OPEN"}`)}</span></td>
                <td>{a.owner ?? t("area.noOwner")}</td>
                <td>{list(a.accountable)}</td>
                <td>{a.dueDate ? formatDate(a.dueDate, locale) : "–"}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="area-groups" className="section">
        <h2 id="area-groups">{t("area.groups")}</h2>
        <p className="muted">{t("area.groupsIntro")}</p>
        {groups.size === 0 ? (
          <p className="empty">{t("area.noGroups")}</p>
        ) : (
          <ul className="chip-list">
            {[...groups].map(([id, name]) => (
              <li key={id}>
                <Link className="chip" href={pages.group(slug, id)}>{name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
