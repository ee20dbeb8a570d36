import { getT, requireForum } from "@/lib/auth/page-guards";
import { canAdministerForum } from "@/lib/services/permissions";
import { NavLinks } from "@/components/layout/nav-links";

export default async function ForumLayout({ children, params }: { children: React.ReactNode; params: Promise<{ forum: string }> }) {
  const { forum: slug } = await params;
  const { access } = await requireForum(slug, `/f/${slug}`);
  const t = await getT();
  const base = `/f/${access.forum.slug}`;
  const links = [{ href: base, text: t("forum.overview") }];
  if (canAdministerForum(access)) links.push({ href: `${base}/admin`, text: t("forum.admin") });
  return (
    <>
      <div className="forum-bar">
        <div className="container forum-bar__inner">
          <p className="forum-bar__name">{access.forum.name}</p>
          <NavLinks label={t("app.forumNav")} links={links} exact={[base]} />
        </div>
      </div>
      <div className="container">{children}</div>
    </>
  );
}
