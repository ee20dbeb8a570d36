import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { getGroupPage } from "@/lib/db/groups";
import { listForumUsers } from "@/lib/db/users";
import { GroupEditForm } from "@/components/admin/group-forms";
import { MemberAddForm, MemberRowActions } from "@/components/admin/member-forms";
import { Announcer } from "@/components/ui/announcer";
import { pages } from "@/lib/urls";
import { ScrollTable } from "@/components/ui/scroll-table";

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
  const users = await listForumUsers(db(), access.forum.id);
  const memberIds = new Set(group.members.map((m) => m.id));
  const candidates = users.filter((u) => !memberIds.has(u.id)).map((u) => ({ id: u.id, name: u.name, email: u.email }));
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
        <section aria-labelledby="members-title" className="stack">
          <h2 id="members-title">{t("admin.manageMembers")}</h2>
          <Announcer />
          {group.members.length === 0 ? (
            <p className="empty">{t("group.noMembers")}</p>
          ) : (
            <ScrollTable labelledBy="members-title">
              <thead>
                <tr>
                  <th scope="col">{t("group.name")}</th>
                  <th scope="col">{t("group.role")}</th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.name}
                      <br />
                      <span className="muted small">{m.email}</span>
                    </th>
                    <td>
                      <MemberRowActions forum={slug} groupId={group.id} member={m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <MemberAddForm forum={slug} groupId={group.id} candidates={candidates} />
        </section>
      </div>
    </>
  );
}
