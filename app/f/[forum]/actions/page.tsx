import type { Metadata } from "next";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { countActionsByGroup } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { listSavedViews } from "@/lib/db/saved-views";
import { presentSavedView } from "@/lib/presenters/saved-view";
import { loadActionListPage } from "@/lib/services/action-list-page";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { ActionOverview } from "@/components/board/boards";

type Props = { params: Promise<{ forum: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("actions.overview") };
}

export default async function ActionOverviewPage({ params, searchParams }: Props) {
  const [{ forum }, raw] = await Promise.all([params, searchParams]);
  const { access } = await requireForum(forum, pages.overview(forum));
  const t = await getT();
  const ctx = await boardContext(access);
  const [{ list }, counts, views] = await Promise.all([
    loadActionListPage(access, { forumId: access.forum.id }, raw, ctx.today), countActionsByGroup(db(), access.forum.id, ctx.today),
    listSavedViews(db(), access.forum.id, access.userId, "overview"),
  ]);
  return (
    <>
      <header className="page-header">
        <h1>{t("actions.overview")}</h1>
        <p className="muted">{t("actions.overviewIntro")}</p>
      </header>
      <ActionOverview forum={access.forum.slug} groups={ctx.groups} list={list} counts={counts} viewer={ctx.viewer} today={ctx.today} choices={ctx.choices}
        savedViews={views.map((v) => presentSavedView(access.forum.slug, v))} />
    </>
  );
}
