"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
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
} {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fromUrl = params.toString();
  const [seen, setSeen] = useState(fromUrl);
  const [current, setCurrent] = useState(fromUrl);
  if (fromUrl !== seen) {
    setSeen(fromUrl);
    setCurrent(fromUrl);
  }
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
      const url = s ? `${pathname}?${s}` : pathname;
      if (opts.push) router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [query, pathname, router],
  );
  return { query, invalid, search: actionListQueryToSearch(query).toString(), set, href };
}
