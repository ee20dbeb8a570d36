import type { Metadata } from "next";
import { getLocale, getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/db/notifications";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n";
import { commentPreviewOf, groupNotifications, notificationText } from "@/lib/presenters/notification";
import { MarkReadButton } from "@/components/board/mark-read-button";
import { NotificationLink } from "@/components/notifications/notification-link";
import { pages } from "@/lib/urls";

type Props = { params: Promise<{ forum: string }> };

type Notice = Awaited<ReturnType<typeof listNotifications>>[number];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("notifications.title") };
}

/** Where a notice leads: its thread, its action or its document (null when it points at nothing). */
function targetOf(slug: string, n: Notice): string | null {
  if (n.actionItem) return n.threadId ? pages.actionDetail(slug, n.actionItem.groupId, n.actionItem.id, n.threadId) : pages.actionDetail(slug, n.actionItem.groupId, n.actionItem.id);
  if (n.document) return n.threadId ? pages.documentThread(slug, n.document.groupId, n.document.id, n.threadId) : pages.document(slug, n.document.groupId, n.document.id);
  return null;
}

function When({ at, locale }: { at: Date; locale: Parameters<typeof formatDateTime>[1] }) {
  return <time dateTime={at.toISOString()}>{formatDateTime(at, locale)}</time>;
}

/** One notice: who did what, linked to it; following the link marks `ids` read. */
function NoticeLine({ n, slug, t, text, ids, locale }: { n: Notice; slug: string; t: Translate; text: string; ids: string[]; locale: Parameters<typeof formatDateTime>[1] }) {
  const href = targetOf(slug, n);
  const preview = commentPreviewOf(n.detail);
  return (
    <>
      {n.readAt ? null : <span className="badge badge--warn">{t("notifications.unread")}</span>}{" "}
      {href ? <NotificationLink forum={slug} href={href} ids={ids}>{text}</NotificationLink> : text}
      {preview ? <span className="notification__preview">«{preview}»</span> : null}
      <span className="muted small"> · <When at={n.createdAt} locale={locale} /></span>
    </>
  );
}

export default async function NotificationsPage({ params }: Props) {
  const { forum } = await params;
  const { user, access } = await requireForum(forum, pages.notifications(forum));
  const t = await getT();
  const locale = await getLocale();
  const list = await listNotifications(db(), user.id, access.forum.id);
  const groups = groupNotifications(list);
  const slug = access.forum.slug;
  return (
    <>
      <header className="page-header">
        <h1>{t("notifications.title")}</h1>
        {list.some((n) => !n.readAt) ? <MarkReadButton forum={slug} /> : null}
      </header>
      {list.length === 0 ? <p className="empty">{t("notifications.empty")}</p> : null}
      <ul className="notification-list">
        {groups.map((g) => {
          const unreadIds = g.items.filter((n) => !n.readAt).map((n) => n.id);
          if (g.items.length === 1) {
            const n = g.items[0]!;
            return (
              <li key={g.key} className={`card notification${n.readAt ? "" : " notification--unread"}`}>
                <NoticeLine n={n} slug={slug} t={t} locale={locale} text={notificationText(t, locale, n)} ids={unreadIds} />
              </li>
            );
          }
          const heading = t("notifications.group", { count: g.items.length, title: g.title });
          return (
            <li key={g.key} className={`card notification notification-group${g.unread ? " notification--unread" : ""}`}>
              <details>
                <summary>
                  <span className="notification-group__title">{heading}</span>
                  {g.unread ? <> <span className="badge badge--warn">{t("notifications.unreadCount", { count: g.unread })}</span></> : null}
                  <span className="muted small"> · {t("notifications.newest")} <When at={g.newest} locale={locale} /></span>
                </summary>
                <ul className="notification-group__items">
                  {g.items.map((n) => (
                    <li key={n.id}>
                      {/* Opening any line of the group marks the whole group read: it has been looked at. */}
                      <NoticeLine n={n} slug={slug} t={t} locale={locale} text={notificationText(t, locale, n, { short: true })} ids={unreadIds} />
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
}
