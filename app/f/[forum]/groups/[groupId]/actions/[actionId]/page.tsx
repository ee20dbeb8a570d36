import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, requireGroup, getT } from "@/lib/auth/page-guards";
import { actionAbilities } from "@/lib/policies/action";
import { needPanel } from "@/lib/services/need-links";
import { NeedLinksPanel } from "@/components/needs/need-links";
import { loadForumItem } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { presentAction } from "@/lib/presenters/action";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { ActionDetail } from "@/components/board/action-detail";
import { ActionHistory } from "@/components/board/action-history";
import { actionHistoryFor } from "@/lib/services/action-history";

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
  const locale = await getLocale();
  const [ctx, needs, history] = await Promise.all([
    boardContext(access), needPanel(access.forum.id, { actionItemId: item.id }, t, locale), actionHistoryFor(db(), access, item.id, t, locale),
  ]);
  const mayLink = actionAbilities(access, { groupId: item.groupId, ownerId: item.owner?.id ?? null }).update;
  return (
    <>
      <p className="breadcrumbs">
        <Link href={pages.groupActions(access.forum.slug, group.id)}>← {t("actions.backToBoard", { group: group.name })}</Link>
      </p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">{group.name}</p>
        <h1>{item.title}</h1>
      </header>
      <ActionDetail forum={access.forum.slug} initial={presentAction(access, item)} viewer={ctx.viewer} today={ctx.today} choices={ctx.choices}
        history={<ActionHistory entries={history} locale={locale}
          labels={{ title: t("history.title"), intro: t("history.intro"), empty: t("history.empty"), toThread: t("history.toThread") }} />}>
        <NeedLinksPanel forum={access.forum.slug} target={{ actionItemId: item.id }} linked={needs.linked} choices={needs.choices} mayLink={mayLink} />
      </ActionDetail>
    </>
  );
}
