"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { api } from "@/lib/urls";

/**
 * A link to what a notice is about that marks the notice (or its whole group) read when it is
 * followed — by click, keyboard or middle click — while the browser goes on to the target. The
 * request is `keepalive`, so it completes even when the page is left; then the app refreshes, so
 * the count beside "Varsler" is right on the page the user arrives at.
 */
export function NotificationLink({ forum, href, ids, className, children }: {
  forum: string; href: string; ids: string[]; className?: string; children: React.ReactNode;
}) {
  const router = useRouter();
  function opened() {
    if (ids.length === 0) return;
    void fetch(api.notificationsOpened(forum), {
      method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify({ ids }),
    })
      .then((res) => (res.ok ? router.refresh() : undefined))
      .catch(() => undefined);
  }
  return (
    <Link href={href} className={className} onClick={opened} onAuxClick={(e) => (e.button === 1 ? opened() : undefined)}>
      {children}
    </Link>
  );
}
