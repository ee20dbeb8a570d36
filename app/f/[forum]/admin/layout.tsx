import { getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { NavLinks } from "@/components/layout/nav-links";
import { pages } from "@/lib/urls";

export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ forum: string }> }) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.admin(forum));
  const t = await getT();
  const slug = access.forum.slug;
  const base = pages.admin(slug);
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
          { href: pages.adminUsers(slug), text: t("admin.usersTab") },
          { href: pages.adminTargetAreas(slug), text: t("admin.targetAreasTab") },
          { href: pages.adminRegions(slug), text: t("needs.regions") },
          { href: pages.adminSettings(slug), text: t("settings.tab") },
          { href: pages.adminSignIn(slug), text: t("identity.tab") },
          { href: pages.adminStatements(slug), text: t("statements.adminTab") },
          { href: pages.adminAudit(slug), text: t("admin.auditTab") },
        ]}
      />
      <div className="admin-body">{children}</div>
    </>
  );
}
