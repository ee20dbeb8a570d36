"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { actionListQueryToSearch, parseActionListQuery, type ActionListKey, type ActionListQuery } from "@/lib/validation/action-list";

/**
 * An action list's state (view, filters, grouping, sort, closed items, page) kept in the page's
 * URL, so it survives a reload and a link shows the same list. Parsed by the list's zod schema: a
 * bad value is ignored and named in `invalid`. The list is filtered and paged on the server, so a
 * change navigates (Next's router asks the server for the page, keeping client state and the
 * scroll position); the new state is shown at once (a controlled check box must not wait for the
 * router), and the URL's state wins again whenever it changes (back and forward buttons).
 */
export function useListQuery(): {
  query: ActionListQuery; invalid: ActionListKey[]; search: string;
  set: (patch: Partial<ActionListQuery>, opts?: { push?: boolean }) => void;
  href: (patch: Partial<ActionListQuery>) => string;
  /** A change was asked for and its page has not landed yet: the rows shown are the old ones. */
  busy: boolean;
} {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fromUrl = params.toString();
  const [seen, setSeen] = useState(fromUrl);
  const [current, setCurrent] = useState(fromUrl);
  // Navigations run one at a time. Quick changes (a check box checked and unchecked at once) would
  // otherwise start navigations that can land out of order, and an older URL landing last would
  // undo the newer choice. `inflight` is the state asked for and not yet shown by the URL; `want`
  // the latest choice, asked for once the one in flight has landed. Both sides are URLSearchParams'
  // own serialisation of the same parameters, so a landing is recognised exactly.
  const [inflight, setInflight] = useState<string | null>(null);
  const [want, setWant] = useState<{ search: string; push: boolean } | null>(null);
  if (fromUrl !== seen) {
    setSeen(fromUrl);
    if (inflight !== null && fromUrl === inflight) {
      // Ours landed: show it unless a newer choice waits (the effect asks for that one next).
      setInflight(null);
      if (want === null || want.search === fromUrl) {
        setWant(null);
        setCurrent(fromUrl);
      }
    } else {
      // Someone else's navigation (a pager link, back and forward): the URL wins.
      setInflight(null);
      setWant(null);
      setCurrent(fromUrl);
    }
  }
  // A choice that is already the URL's state needs no navigation.
  if (inflight === null && want !== null && want.search === fromUrl) setWant(null);
  useEffect(() => {
    if (inflight !== null || want === null || want.search === fromUrl) return;
    // The router is the outside system this effect drives; the state records what was asked of it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setInflight(want.search);
    const url = want.search ? `${pathname}?${want.search}` : pathname;
    if (want.push) router.push(url, { scroll: false });
    else router.replace(url, { scroll: false });
  }, [inflight, want, fromUrl, pathname, router]);
  const { query, invalid } = useMemo(() => parseActionListQuery(new URLSearchParams(current)), [current]);
  const href = useCallback(
    (patch: Partial<ActionListQuery>) => {
      const s = actionListQueryToSearch({ ...query, ...patch }).toString();
      return s ? `${pathname}?${s}` : pathname;
    },
    [query, pathname],
  );
  const set = useCallback(
    (patch: Partial<ActionListQuery>, opts: { push?: boolean } = {}) => {
      const s = actionListQueryToSearch({ ...query, ...patch }).toString();
      setCurrent(s);
      setWant({ search: s, push: Boolean(opts.push) });
    },
    [query],
  );
  const busy = inflight !== null || (want !== null && want.search !== fromUrl);
  return { query, invalid, search: actionListQueryToSearch(query).toString(), set, href, busy };
}
