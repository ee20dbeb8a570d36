import type { Metadata } from "next";
import Link from "next/link";
import { adminPageTitle, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listGroups } from "@/lib/db/groups";
import { GroupCreateForm } from "@/components/admin/group-forms";
import { pages } from "@/lib/urls";
import { ScrollTable } from "@/components/ui/scroll-table";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "admin.groups");
}

export default async function AdminGroupsPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.admin(forum));
  const t = await getT();
  const groups = await listGroups(db(), access.forum.id);
  return (
    <div className="two-col two-col--wide-left">
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t("admin.groups")}</h2>
        <ScrollTable labelledBy="groups-title">
          <thead>
            <tr>
              <th scope="col">{t("admin.groupName")}</th>
              <th scope="col">{t("admin.groupKind")}</th>
              <th scope="col">{t("group.members")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  <Link href={pages.adminGroup(access.forum.slug, g.id)}>{g.name}</Link>
                </th>
                <td>{t(`groupKinds.${g.kind}`)}</td>
                <td>{g._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <GroupCreateForm forum={access.forum.slug} />
    </div>
  );
}
