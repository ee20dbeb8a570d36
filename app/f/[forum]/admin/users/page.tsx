import type { Metadata } from "next";
import { adminPageTitle, getLocale, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { formatDateTime } from "@/lib/i18n/format";
import { isOneTimePasswordExpired } from "@/lib/policies/account";
import { db } from "@/lib/db/client";
import { listForumUsers } from "@/lib/db/users";
import { UserCreateForm, UserRowActions } from "@/components/admin/user-forms";
import { pages } from "@/lib/urls";
import { ScrollTable } from "@/components/ui/scroll-table";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "admin.users");
}

export default async function AdminUsersPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminUsers(forum));
  const t = await getT();
  const locale = await getLocale();
  const users = await listForumUsers(db(), access.forum.id);
  return (
    <div className="two-col two-col--wide-left">
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t("admin.users")}</h2>
        <ScrollTable labelledBy="users-title">
          <thead>
            <tr>
              <th scope="col">{t("group.name")}</th>
              <th scope="col">{t("admin.groupsOf")}</th>
              <th scope="col">{t("admin.forumRole")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  <br />
                  <span className="muted small">{u.email}</span>
                  {u.pendingPassword ? (
                    <>
                      <br />
                      <span className="badge badge--warn">{t("admin.pendingPassword")}</span>
                      {u.oneTimePasswordExpiresAt ? (
                        <>
                          <br />
                          <span className="muted small">
                            {isOneTimePasswordExpired({ mustChangePassword: true, oneTimePasswordExpiresAt: u.oneTimePasswordExpiresAt })
                              ? t("admin.oneTimePasswordExpired")
                              : t("admin.oneTimePasswordExpires", { time: formatDateTime(u.oneTimePasswordExpiresAt, locale) })}
                          </span>
                        </>
                      ) : null}
                    </>
                  ) : null}
                </th>
                <td>{u.groups.length ? u.groups.map((g) => g.name).join(", ") : <span className="muted">{t("admin.noGroupsForUser")}</span>}</td>
                <td>
                  <UserRowActions forum={access.forum.slug} user={u} canErase={u.id !== access.userId} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <UserCreateForm forum={access.forum.slug} />
    </div>
  );
}
