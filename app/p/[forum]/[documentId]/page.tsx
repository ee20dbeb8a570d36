import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { findPublicForum, getApprovedRecommendation } from "@/lib/db/public-pages";
import { translator } from "@/lib/i18n";
import { presentPublicRecommendation } from "@/lib/presenters/public-recommendation";
import { publicPages } from "@/lib/urls";
import { ApprovedRecommendation } from "@/components/public/approved-recommendation";

type Props = { params: Promise<{ forum: string; documentId: string }> };

// The same 404 for a private forum, an unknown one, and a document with no approved version.
const load = cache(async (slug: string, documentId: string) => {
  const forum = (await findPublicForum(db(), slug)) ?? notFound();
  const rec = (await getApprovedRecommendation(db(), forum.id, documentId)) ?? notFound();
  return { forum, rec };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { forum: slug, documentId } = await params;
  const { forum, rec } = await load(slug, documentId);
  const t = translator(await getLocale());
  return {
    title: `${rec.title} · ${forum.name}`,
    alternates: { types: { "application/atom+xml": [{ url: publicPages.feed(forum.slug), title: t("publicPage.feedTitle", { forum: forum.name }) }] } },
  };
}

export default async function PublicRecommendationPage({ params }: Props) {
  const { forum: slug, documentId } = await params;
  const { forum, rec } = await load(slug, documentId);
  const locale = await getLocale();
  const t = translator(locale);
  return (
    <div className="container public-page">
      <p className="breadcrumbs">
        <Link href={publicPages.forum(forum.slug)}>{t("publicPage.back", { forum: forum.name })}</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">{forum.name}</p>
        <h1>{rec.title}</h1>
      </header>
      <ApprovedRecommendation view={presentPublicRecommendation(rec, forum.slug, t, locale, 1)} t={t} level={1} permalink={false} />
    </div>
  );
}
