"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { actionListQueryToSearch, parseActionListQuery, type ActionListKey, type ActionListQuery } from "@/lib/validation/action-list";

/**
 * An action list's state (view, filters, grouping, sort) kept in the page's URL, so it survives a
 * reload and a link shows the same list. Parsed by the list's zod schema: a bad value is ignored
 * and named in `invalid`. Changes go through the History API, which Next's router follows
 * (useSearchParams updates) without asking the server for the page again.
 */
export function useListQuery(): {
  query: ActionListQuery; invalid: ActionListKey[]; search: string;
  set: (patch: Partial<ActionListQuery>, opts?: { push?: boolean }) => void;
  href: (patch: Partial<ActionListQuery>) => string;
} {
  const params = useSearchParams();
  const pathname = usePathname();
  const { query, invalid } = useMemo(() => parseActionListQuery(params), [params]);
  const href = useCallback(
    (patch: Partial<ActionListQuery>) => {
      const s = actionListQueryToSearch({ ...query, ...patch }).toString();
      return s ? `${pathname}?${s}` : pathname;
    },
    [query, pathname],
  );
  const set = useCallback(
    (patch: Partial<ActionListQuery>, opts: { push?: boolean } = {}) => {
      const url = href(patch);
      if (opts.push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [href],
  );
  return { query, invalid, search: actionListQueryToSearch(query).toString(), set, href };
}
