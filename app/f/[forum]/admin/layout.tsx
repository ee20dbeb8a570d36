import { getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { NavLinks } from "@/components/layout/nav-links";

export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ forum: string }> }) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, `/f/${forum}/admin`);
  const t = await getT();
  const base = `/f/${access.forum.slug}/admin`;
  return (
    <>
      <header className="page-header">
        <h1>{t("admin.title")}</h1>
      </header>
      <NavLinks
        label={t("app.adminNav")}
        exact={[base]}
        links={[
          { href: base, text: t("admin.groupsTab") },
          { href: `${base}/users`, text: t("admin.usersTab") },
          { href: `${base}/target-areas`, text: t("admin.targetAreasTab") },
          { href: `${base}/audit`, text: t("admin.auditTab") },
        ]}
      />
      <div className="admin-body">{children}</div>
    </>
  );
}
