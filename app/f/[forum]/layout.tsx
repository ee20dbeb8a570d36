import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { unreadCount } from "@/lib/db/notifications";
import { canAdministerForum } from "@/lib/services/permissions";
import { NavLinks } from "@/components/layout/nav-links";

export default async function ForumLayout({ children, params }: { children: React.ReactNode; params: Promise<{ forum: string }> }) {
  const { forum: slug } = await params;
  const { user, access } = await requireForum(slug, `/f/${slug}`);
  const t = await getT();
  const base = `/f/${access.forum.slug}`;
  const unread = await unreadCount(db(), user.id);
  const links = [
    { href: base, text: t("forum.overview") },
    { href: `${base}/actions`, text: t("actions.overview") },
    { href: `${base}/mine`, text: t("actions.mine") },
    { href: `${base}/notifications`, text: unread ? t("notifications.nav", { count: unread }) : t("notifications.title") },
  ];
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
