import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { findPublicForum, listApprovedRecommendations, listPublicTargetAreas } from "@/lib/db/public-pages";
import { translator } from "@/lib/i18n";
import { presentPublicRecommendation } from "@/lib/presenters/public-recommendation";
import { groupByTargetArea } from "@/lib/services/public-page";
import { publicPages } from "@/lib/urls";
import { ApprovedRecommendation } from "@/components/public/approved-recommendation";

type Props = { params: Promise<{ forum: string }> };

// No sign-in: the forum's switch decides. A private forum and an unknown one give the same 404.
const loadForum = cache(async (slug: string) => (await findPublicForum(db(), slug)) ?? notFound());

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const forum = await loadForum((await params).forum);
  const t = translator(await getLocale());
  return {
    title: t("publicPage.metaTitle", { forum: forum.name }),
    alternates: { types: { "application/atom+xml": [{ url: publicPages.feed(forum.slug), title: t("publicPage.feedTitle", { forum: forum.name }) }] } },
  };
}

export default async function PublicForumPage({ params }: Props) {
  const forum = await loadForum((await params).forum);
  const locale = await getLocale();
  const t = translator(locale);
  const [items, areas] = await Promise.all([listApprovedRecommendations(db(), forum.id), listPublicTargetAreas(db(), forum.id)]);
  const sections = groupByTargetArea(items, areas);
  return (
    <div className="container public-page">
      <header className="page-header">
        <p className="eyebrow">{forum.name}</p>
        <h1>{t("publicPage.title")}</h1>
        <p className="lead">{t("publicPage.intro", { forum: forum.name })}</p>
        <p>
          <a href={publicPages.feed(forum.slug)} type="application/atom+xml">
            {t("publicPage.feed")}
          </a>
        </p>
      </header>
      {sections.length === 0 ? <p className="empty">{t("publicPage.none")}</p> : null}
      {sections.map((section, i) => (
        <section key={section.id ?? "none"} aria-labelledby={`area-${i}`} className="section">
          <h2 id={`area-${i}`}>{section.name ?? t("publicPage.noArea")}</h2>
          {section.description ? <p className="muted">{section.description}</p> : null}
          <div className="stack">
            {section.items.map((item) => (
              <ApprovedRecommendation key={item.documentId} view={presentPublicRecommendation(item, forum.slug, t, locale, 3)} t={t} level={3} permalink />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
