import { getT, requireForum } from "@/lib/auth/page-guards";
import { pageReads } from "@/lib/db/page-reads";
import { unreadItemCount } from "@/lib/presenters/notification";
import { forumAbilities } from "@/lib/policies/forum";
import { pages } from "@/lib/urls";
import { NavLinks } from "@/components/layout/nav-links";

export default async function ForumLayout({ children, params }: { children: React.ReactNode; params: Promise<{ forum: string }> }) {
  const { forum: slug } = await params;
  const { user, access } = await requireForum(slug, pages.forum(slug));
  const t = await getT();
  const forum = access.forum.slug;
  const base = pages.forum(forum);
  const reads = pageReads();
  const [unreadRows, waiting] = await Promise.all([reads.unreadNotices(user.id, access.forum.id), reads.openApprovals(access.forum.id)]);
  // Counted per item (an action, a document): five status changes on one action are one thing to look at.
  const unread = unreadItemCount(unreadRows);
  const abilities = forumAbilities(access);
  const links = [
    { href: base, text: t("forum.overview") },
    ...(abilities.overview ? [{ href: pages.overview(forum), text: t("actions.overview") }] : []),
    { href: pages.mine(forum), text: t("actions.mine") },
    { href: pages.needs(forum), text: t("needs.nav") },
    { href: pages.gap(forum), text: t("gap.title") },
    { href: pages.approvals(forum), text: waiting ? t("approval.queueNav", { count: waiting }) : t("approval.queueTitle") },
    { href: pages.notifications(forum), text: unread ? t("notifications.nav", { count: unread }) : t("notifications.title") },
  ];
  if (abilities.administer) links.push({ href: pages.admin(forum), text: t("forum.admin") });
  return (
    <>
      <div className="forum-bar">
        <div className="container forum-bar__inner">
          <p className="forum-bar__name">{access.forum.name}</p>
          <NavLinks label={t("app.forumNav")} links={links} exact={[base]} />
        </div>
      </div>
      <div className="container skip-target" id="content" data-skip-target tabIndex={-1}>
        {children}
      </div>
    </>
  );
}
