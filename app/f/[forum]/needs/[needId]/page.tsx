import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { findNeed, linkTargets, listRegions } from "@/lib/db/needs";
import { listGroups } from "@/lib/db/groups";
import { listTargetAreas } from "@/lib/db/target-areas";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { presentNeed } from "@/lib/presenters/need";
import { api, pages } from "@/lib/urls";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { CoverageBadge } from "@/components/needs/need-badges";
import { NeedEditForm, NeedRestoreButton } from "@/components/needs/need-form";
import { NeedTargetsEditor } from "@/components/needs/need-links";

type Props = { params: Promise<{ forum: string; needId: string }> };

async function load({ params }: Props) {
  const { forum, needId } = await params;
  const { access } = await requireForum(forum, pages.need(forum, needId));
  const row = await findNeed(db(), access.forum.id, needId);
  if (!row) notFound();
  return { access, need: presentNeed(access, row) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).need.title };
}

/** One need: its figures and source, what answers it and how well it is covered; its keepers edit it here. */
export default async function NeedPage(props: Props) {
  const { access, need } = await load(props);
  const t = await getT();
  const locale = await getLocale();
  const slug = access.forum.slug;
  const num = (n: number) => formatNumber(n, locale);
  const unit = t(`needs.units.${need.unit}`);
  const editing = need.abilities.update;
  const [targets, groups, areas, regions] = await Promise.all([
    need.abilities.link ? linkTargets(db(), access.forum.id) : Promise.resolve({ recommendations: [], actions: [] }),
    editing ? listGroups(db(), access.forum.id) : Promise.resolve([]),
    editing ? listTargetAreas(db(), access.forum.id) : Promise.resolve([]),
    editing ? listRegions(db(), access.forum.id) : Promise.resolve([]),
  ]);
  return (
    <>
      <LiveRefresh url={api.events(slug, ["needs"])} />
      <p className="breadcrumbs"><Link href={pages.needs(slug)}>← {t("needs.backToRegister")}</Link></p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">
          {need.field} · {need.region?.name ?? t("needs.county")} · {need.period}
          {need.targetArea ? ` · ${need.targetArea.name}` : ""}
        </p>
        <h1>{need.title}</h1>
        <p><CoverageBadge coverage={need.coverage} t={t} />{need.imported ? <span className="badge"> {t("needs.imported")}</span> : null}</p>
        {need.archived ? <p className="notice notice--info">{t("needs.archivedNotice")}</p> : null}
      </header>
      <div className="document-layout">
        <div className="stack">
          <section className="card" aria-labelledby="need-facts">
            <h2 id="need-facts">{t("needs.facts")}</h2>
            <p className="need-gap">{t("needs.gapLine", { demand: num(need.demand), supply: num(need.supply), gap: num(need.gap), unit })}</p>
            <dl className="meta-dl">
              <div><dt>{t("needs.fields.demand")}</dt><dd>{num(need.demand)} {unit}</dd></div>
              <div><dt>{t("needs.fields.supply")}</dt><dd>{num(need.supply)} {unit}</dd></div>
              <div><dt>{t("needs.gap")}</dt><dd><strong>{num(need.gap)} {unit}</strong></dd></div>
              <div><dt>{t("needs.fields.confidence")}</dt><dd>{t(`needs.confidence.${need.confidence}`)}</dd></div>
              <div><dt>{t("needs.colGroup")}</dt><dd><Link href={pages.group(slug, need.group.id)}>{need.group.name}</Link></dd></div>
              {need.styrk || need.nus || need.nace ? (
                <div>
                  <dt>{t("needs.fields.codesHint").split(",")[0]}</dt>
                  <dd>{[need.styrk && `STYRK ${need.styrk}`, need.nus && `NUS ${need.nus}`, need.nace && `NACE ${need.nace}`].filter(Boolean).join(" · ")}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("needs.source")}</dt>
                <dd>
                  {need.sourceName ? (need.sourceUrl ? <a href={need.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">{need.sourceName}</a> : need.sourceName) : t("needs.noSource")}
                  {need.sourceDate ? `, ${formatDate(new Date(`${need.sourceDate}T12:00:00Z`), locale)}` : ""}
                </dd>
              </div>
            </dl>
            {need.description ? <p className="prose">{need.description}</p> : null}
            {need.notes ? <p className="prose muted">{need.notes}</p> : null}
            <p className="small muted">{t("needs.history")}</p>
          </section>
          {need.abilities.update ? (
            <details className="card disclosure">
              <summary><h2>{t("needs.edit")}</h2></summary>
              <NeedEditForm forum={slug} need={need} choices={{ groups: groups.map((g) => ({ id: g.id, name: g.name })), areas: areas.map((a) => ({ id: a.id, name: a.name })), regions }} />
            </details>
          ) : null}
          {need.abilities.restore ? <NeedRestoreButton forum={slug} need={need} /> : null}
        </div>
        <aside className="stack">
          <section className="card" aria-labelledby="need-answers">
            <h2 id="need-answers">{t("needs.answers")}</h2>
            <p className="small muted">{t("needs.answersIntro")}</p>
            <h3>{t("needs.recommendations")}</h3>
            {need.recommendations.length === 0 ? <p className="small muted">{t("needs.noRecommendations")}</p> : (
              <ul className="plain-list">
                {need.recommendations.map((r) => (
                  <li key={r.id}>
                    <Link href={pages.document(slug, r.groupId, r.id)}>{r.title}</Link>{" "}
                    <span className={`badge${r.approved ? " badge--mine" : ""}`}>{r.approved ? t("needs.approved") : t(`documentStatus.${r.status as "DRAFT"}`)}</span>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t("needs.actions")}</h3>
            {need.actions.length === 0 ? <p className="small muted">{t("needs.noActions")}</p> : (
              <ul className="plain-list">
                {need.actions.map((a) => (
                  <li key={a.id}>
                    <Link href={pages.actionDetail(slug, a.groupId, a.id)}>{a.title}</Link>{" "}
                    <span className={`badge status-badge status-badge--${a.status.toLowerCase()}`}>{t(`actionStatus.${a.status as "OPEN"}`)}</span>
                    <span className="muted small block">
                      {a.owner?.name ?? t("actions.noOwner")}
                      {a.accountable ? ` · ${t("needs.accountable", { name: a.accountable })}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {need.abilities.link ? <NeedTargetsEditor forum={slug} need={need} recommendations={targets.recommendations} actions={targets.actions} /> : null}
          </section>
        </aside>
      </div>
    </>
  );
}
