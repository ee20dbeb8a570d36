import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { getGroupPage } from "@/lib/db/groups";
import { memberCandidates } from "@/lib/db/users";
import { GroupEditForm } from "@/components/admin/group-forms";
import { MemberManager } from "@/components/admin/member-manager";
import { pages } from "@/lib/urls";

type Props = { params: Promise<{ forum: string; groupId: string }> };

async function load({ params }: Props) {
  const { forum, groupId } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminGroup(forum, groupId));
  const group = await getGroupPage(db(), access.forum.id, groupId);
  if (!group) notFound();
  return { access, group };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { group } = await load(props);
  return { title: group.name };
}

export default async function AdminGroupPage(props: Props) {
  const { access, group } = await load(props);
  const t = await getT();
  const candidates = await memberCandidates(db(), access.forum.id, group.members);
  const slug = access.forum.slug;
  return (
    <>
      <p className="breadcrumbs">
        <Link href={pages.admin(slug)}>← {t("admin.backToGroups")}</Link> · <Link href={pages.group(slug, group.id)}>{t("admin.openGroup")}</Link>
      </p>
      <h2 className="h1-like">
        {group.name} <span className="eyebrow">{t(`groupKinds.${group.kind}`)}</span>
      </h2>
      <div className="two-col">
        <GroupEditForm forum={slug} group={group} />
        <MemberManager t={t} forum={slug} groupId={group.id} members={group.members} candidates={candidates} />
      </div>
    </>
  );
}
