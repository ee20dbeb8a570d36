import type { Metadata } from "next";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { boardContext, loadForumItems } from "@/lib/services/board-page-data";
import { MyActions } from "@/components/board/boards";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("actions.mine") };
}

export default async function MyActionsPage({ params }: Props) {
  const { forum } = await params;
  const { user, access } = await requireForum(forum, `/f/${forum}/mine`);
  const t = await getT();
  const [ctx, items] = await Promise.all([boardContext(access), loadForumItems(db(), access.forum.id)]);
  return (
    <>
      <header className="page-header">
        <h1>{t("actions.mine")}</h1>
        <p className="muted">{t("actions.mineIntro")}</p>
      </header>
      <MyActions forum={access.forum.slug} userId={user.id} groupIds={ctx.groups.map((g) => g.id)} initial={items.filter((i) => i.owner?.id === user.id)}
        today={ctx.today} writableGroupIds={ctx.writableGroupIds} choices={ctx.choices} />
    </>
  );
}
