import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { groupRecommendationsRaci } from "@/lib/db/documents";
import { getGroupPage } from "@/lib/db/groups";
import { boardContext, loadGroupBoard } from "@/lib/services/board-page-data";
import { canEditGroupContent } from "@/lib/services/permissions";
import { GroupBoard } from "@/components/board/boards";

type Props = { params: Promise<{ forum: string; groupId: string }> };

async function load({ params }: Props) {
  const { forum, groupId } = await params;
  const { access } = await requireForum(forum, `/f/${forum}/groups/${groupId}/actions`);
  const group = await getGroupPage(db(), access.forum.id, groupId);
  if (!group) notFound();
  return { access, group };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { group } = await load(props);
  return { title: `${(await getT())("actions.board")} – ${group.name}` };
}

export default async function GroupActionsPage(props: Props) {
  const { access, group } = await load(props);
  const t = await getT();
  const [ctx, items, recommendations] = await Promise.all([boardContext(access), loadGroupBoard(db(), group.id), groupRecommendationsRaci(db(), group.id)]);
  return (
    <>
      <p className="breadcrumbs">
        <Link href={`/f/${access.forum.slug}/groups/${group.id}`}>← {group.name}</Link>
      </p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">{group.name}</p>
        <h1>{t("actions.board")}</h1>
        <p className="muted">{t("actions.boardIntro")}</p>
      </header>
      <GroupBoard
        forum={access.forum.slug} groupId={group.id} initial={items} today={ctx.today} canWrite={canEditGroupContent(access, group.id)}
        choices={ctx.choices} members={group.members.map((m) => ({ id: m.id, name: m.name }))} allGroups={ctx.groups} recommendations={recommendations}
      />
    </>
  );
}
