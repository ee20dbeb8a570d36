import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getT, requireGroup, titleUnlessRefused } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { memberCandidates } from "@/lib/db/users";
import { pages } from "@/lib/urls";
import { MemberManager } from "@/components/admin/member-manager";

type Props = { params: Promise<{ forum: string; groupId: string }> };

/** The group (404 when it is not in the forum) and what the viewer may do in it. */
async function load({ params }: Props) {
  const { forum, groupId } = await params;
  return requireGroup(forum, groupId, pages.groupMembers(forum, groupId));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { group, abilities } = await load(props);
  const t = await getT();
  return titleUnlessRefused(abilities.manageMembers, `${t("group.membersTitle")} – ${group.name}`);
}

/** 403 unless the viewer may manage the group's members (its leads, the administrators). */
export default async function GroupMembersPage(props: Props) {
  const { access, group, abilities } = await load(props);
  if (!abilities.manageMembers) forbidden();
  const t = await getT();
  const candidates = await memberCandidates(db(), access.forum.id, group.members);
  const slug = access.forum.slug;
  return (
    <>
      <p className="breadcrumbs">
        <Link href={pages.group(slug, group.id)}>← {t("documents.backToGroup", { group: group.name })}</Link>
      </p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">{group.name}</p>
        <h1>{t("group.membersTitle")}</h1>
        <p className="muted">{t("group.membersIntro")}</p>
      </header>
      <MemberManager t={t} forum={slug} groupId={group.id} members={group.members} candidates={candidates}
        title={t("group.membersList", { count: group.members.length })} />
    </>
  );
}
