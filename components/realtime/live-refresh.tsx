"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider";

/**
 * Follows the forum's Server-Sent Events (`url`, e.g. api.events(forum, ["needs"])) and refreshes
 * the server-rendered page after a short pause when something changes, so a burst of changes is one
 * refresh; then says so politely ("Tallene er oppdatert"). EventSource reconnects by itself.
 */
export function LiveRefresh({ url, debounceMs = 400 }: { url: string; debounceMs?: number }) {
  const router = useRouter();
  const t = useT();
  const [note, setNote] = useState("");
  const [refreshes, setRefreshes] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const source = new EventSource(url);
    const onChange = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        router.refresh();
        setRefreshes((n) => n + 1);
        // Empty first, so that the same words are announced again on the next change.
        setNote("");
        setTimeout(() => setNote(t("gap.updated")), 50);
      }, debounceMs);
    };
    source.addEventListener("change", onChange);
    return () => {
      source.removeEventListener("change", onChange);
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [url, debounceMs, router, t]);

  return (
    <p role="status" aria-live="polite" className="live-note" data-refreshes={refreshes}>
      {note}
    </p>
  );
}
