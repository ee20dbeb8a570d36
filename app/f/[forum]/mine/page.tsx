import type { Metadata } from "next";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { loadForumItems } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { myRoles, presentActions } from "@/lib/presenters/action";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { MyActions } from "@/components/board/boards";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("actions.mine") };
}

export default async function MyActionsPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.mine(forum));
  const t = await getT();
  const [ctx, items] = await Promise.all([boardContext(access), loadForumItems(db(), access.forum.id)]);
  return (
    <>
      <header className="page-header">
        <h1>{t("actions.mine")}</h1>
        <p className="muted">{t("actions.mineIntro")}</p>
      </header>
      <MyActions forum={access.forum.slug} viewer={ctx.viewer} groupIds={ctx.groups.map((g) => g.id)}
        initial={presentActions(access, items.filter((i) => myRoles(access, i).length > 0))} today={ctx.today} choices={ctx.choices} />
    </>
  );
}
