"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ThreadView } from "@/lib/presenters/comment";
import { api } from "@/lib/urls";

/**
 * The threads of one document or action, fetched from `url` and fetched again on `refresh()`
 * (the document's socket says when they changed). A thread returned by one of our own requests
 * replaces its copy at once.
 */
export function useThreads(url: string) {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const data = (await res.json()) as { threads: ThreadView[] };
      // An older answer never overwrites a newer one.
      if (ticket === latest.current) {
        setThreads(data.threads);
        setFailed(false);
      }
    } catch {
      if (ticket === latest.current) setFailed(true);
    }
  }, [url]);

  useEffect(() => {
    // Loading from the server is the effect's job; the state it sets is the answer.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  const put = useCallback((thread: ThreadView) => {
    setThreads((list) => {
      const current = list ?? [];
      return current.some((t) => t.id === thread.id) ? current.map((t) => (t.id === thread.id ? thread : t)) : [...current, thread];
    });
  }, []);

  return { threads, failed, refresh, put };
}

const memberCache = new Map<string, Promise<{ id: string; name: string }[]>>();

/** The forum's members (for @mentions), fetched once per page. */
export function useMembers(forum: string, wanted: boolean) {
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let request = memberCache.get(forum);
    if (!request) {
      request = fetch(api.members(forum))
        .then((res) => (res.ok ? (res.json() as Promise<{ members: { id: string; name: string }[] }>) : { members: [] }))
        .then((data) => data.members)
        .catch(() => {
          memberCache.delete(forum);
          return [];
        });
      memberCache.set(forum, request);
    }
    void request.then((list) => {
      if (live) setMembers(list);
    });
    return () => {
      live = false;
    };
  }, [forum, wanted]);
  return members;
}
