import type { Metadata } from "next";
import Link from "next/link";
import { getT, requireGroup } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { groupRecommendationsRaci } from "@/lib/db/documents";
import { documentAbilities } from "@/lib/policies/document";
import { listSavedViews } from "@/lib/db/saved-views";
import { presentSavedView } from "@/lib/presenters/saved-view";
import { loadActionListPage } from "@/lib/services/action-list-page";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { BOARD_PAGE_SIZE } from "@/lib/validation/action-list";
import { GroupBoard } from "@/components/board/boards";

type Props = { params: Promise<{ forum: string; groupId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params }: Props) {
  const { forum, groupId } = await params;
  return requireGroup(forum, groupId, pages.groupActions(forum, groupId));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { group } = await load(props);
  return { title: `${(await getT())("actions.board")} – ${group.name}` };
}

export default async function GroupActionsPage(props: Props) {
  const { access, group, abilities } = await load(props);
  const t = await getT();
  const ctx = await boardContext(access);
  const [{ list }, recommendations, views] = await Promise.all([
    loadActionListPage(access, { forumId: access.forum.id, groupId: group.id }, await props.searchParams, ctx.today, BOARD_PAGE_SIZE),
    groupRecommendationsRaci(db(), group.id), listSavedViews(db(), access.forum.id, access.userId, `group:${group.id}`),
  ]);
  return (
    <>
      <p className="breadcrumbs">
        <Link href={pages.group(access.forum.slug, group.id)}>← {group.name}</Link>
      </p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">{group.name}</p>
        <h1>{t("actions.board")}</h1>
        <p className="muted">{t("actions.boardIntro")}</p>
      </header>
      <GroupBoard
        forum={access.forum.slug} groupId={group.id} list={list} viewer={ctx.viewer} today={ctx.today}
        canCreate={abilities.createAction} choices={ctx.choices} members={group.members.map((m) => ({ id: m.id, name: m.name }))} allGroups={ctx.groups}
        savedViews={views.map((v) => presentSavedView(access.forum.slug, v))}
        recommendations={recommendations.map((d) => ({ ...d, abilities: { setRaci: documentAbilities(access, { groupId: group.id, archived: false }).setRaci } }))}
      />
    </>
  );
}
