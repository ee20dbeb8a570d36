import type { Metadata } from "next";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { loadActionListPage } from "@/lib/services/action-list-page";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { MyActions } from "@/components/board/boards";

type Props = { params: Promise<{ forum: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("actions.mine") };
}

export default async function MyActionsPage({ params, searchParams }: Props) {
  const [{ forum }, raw] = await Promise.all([params, searchParams]);
  const { access } = await requireForum(forum, pages.mine(forum));
  const t = await getT();
  const ctx = await boardContext(access);
  // Only the page and closed items apply here (Mine tiltak has no filters of its own).
  const { list } = await loadActionListPage(access, { forumId: access.forum.id, mine: { userId: access.userId, groupIds: access.groupIds } }, { closed: raw.closed, page: raw.page }, ctx.today);
  return (
    <>
      <header className="page-header">
        <h1>{t("actions.mine")}</h1>
        <p className="muted">{t("actions.mineIntro")}</p>
      </header>
      <MyActions forum={access.forum.slug} viewer={ctx.viewer} groupIds={ctx.groups.map((g) => g.id)}
        list={list} today={ctx.today} choices={ctx.choices} />
    </>
  );
}
