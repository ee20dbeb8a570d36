import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/db/notifications";
import { formatDateTime } from "@/lib/i18n/format";
import { commentPreviewOf, notificationText } from "@/lib/presenters/notification";
import { MarkReadButton } from "@/components/board/mark-read-button";
import { pages } from "@/lib/urls";

type Props = { params: Promise<{ forum: string }> };


export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("notifications.title") };
}

export default async function NotificationsPage({ params }: Props) {
  const { forum } = await params;
  const { user, access } = await requireForum(forum, pages.notifications(forum));
  const t = await getT();
  const locale = await getLocale();
  const list = await listNotifications(db(), user.id, access.forum.id);
  const slug = access.forum.slug;
  return (
    <>
      <header className="page-header">
        <h1>{t("notifications.title")}</h1>
        {list.some((n) => !n.readAt) ? <MarkReadButton forum={slug} /> : null}
      </header>
      {list.length === 0 ? <p className="empty">{t("notifications.empty")}</p> : null}
      <ul className="notification-list">
        {list.map((n) => {
          const text = notificationText(t, locale, n);
          const preview = commentPreviewOf(n.detail);
          return (
            <li key={n.id} className={`card notification${n.readAt ? "" : " notification--unread"}`}>
              {n.readAt ? null : <span className="badge badge--warn">{t("notifications.unread")}</span>}{" "}
              {n.actionItem ? (
                <Link href={n.threadId ? pages.actionDetail(slug, n.actionItem.groupId, n.actionItem.id, n.threadId) : pages.action(slug, n.actionItem.groupId, n.actionItem.id)}>{text}</Link>
              ) : n.document ? (
                <Link href={n.threadId ? pages.documentThread(slug, n.document.groupId, n.document.id, n.threadId) : pages.document(slug, n.document.groupId, n.document.id)}>{text}</Link>
              ) : (
                text
              )}
              {preview ? <span className="notification__preview">«{preview}»</span> : null}
              <span className="muted small"> · <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale)}</time></span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
