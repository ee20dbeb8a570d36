import type { Metadata } from "next";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { loadForumItems } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { listSavedViews } from "@/lib/db/saved-views";
import { presentActions } from "@/lib/presenters/action";
import { presentSavedView } from "@/lib/presenters/saved-view";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { ActionOverview } from "@/components/board/boards";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("actions.overview") };
}

export default async function ActionOverviewPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.overview(forum));
  const t = await getT();
  const [ctx, items, views] = await Promise.all([boardContext(access), loadForumItems(db(), access.forum.id), listSavedViews(db(), access.forum.id, access.userId, "overview")]);
  return (
    <>
      <header className="page-header">
        <h1>{t("actions.overview")}</h1>
        <p className="muted">{t("actions.overviewIntro")}</p>
      </header>
      <ActionOverview forum={access.forum.slug} groups={ctx.groups} initial={presentActions(access, items)} viewer={ctx.viewer} today={ctx.today} choices={ctx.choices}
        savedViews={views.map((v) => presentSavedView(access.forum.slug, v))} />
    </>
  );
}
