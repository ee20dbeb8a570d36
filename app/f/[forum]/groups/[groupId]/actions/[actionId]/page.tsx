import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireGroup, getT } from "@/lib/auth/page-guards";
import { loadForumItem } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { presentAction } from "@/lib/presenters/action";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { ActionDetail } from "@/components/board/action-detail";

type Props = { params: Promise<{ forum: string; groupId: string; actionId: string }> };

async function load({ params }: Props) {
  const { forum, groupId, actionId } = await params;
  const { access, group } = await requireGroup(forum, groupId, pages.actionDetail(forum, groupId, actionId));
  const item = await loadForumItem(db(), access.forum.id, actionId);
  if (!item || item.groupId !== group.id) notFound();
  return { access, group, item };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { item } = await load(props);
  return { title: item.title };
}

/** An action's own page: what, who and when, and the conversations about it. */
export default async function ActionPage(props: Props) {
  const { access, group, item } = await load(props);
  const t = await getT();
  const ctx = await boardContext(access);
  return (
    <>
      <p className="breadcrumbs">
        <Link href={pages.groupActions(access.forum.slug, group.id)}>← {t("actions.backToBoard", { group: group.name })}</Link>
      </p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">{group.name}</p>
        <h1>{item.title}</h1>
      </header>
      <ActionDetail forum={access.forum.slug} initial={presentAction(access, item)} viewer={ctx.viewer} today={ctx.today} choices={ctx.choices} />
    </>
  );
}
