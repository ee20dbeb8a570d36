"use client";

import Link from "next/link";
import { useLocale, useT } from "../i18n-provider";
import { formatNumber } from "@/lib/i18n/format";

/** The page numbers a pager links: the first, the last, and two on each side of the current one; null for a gap. */
export function pagerPages(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, k) => {
    if (k > 0 && n - sorted[k - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}

/**
 * Where a page of an action list stands: "Showing 51–100 of 3,210 actions" (a live region, so a
 * screen reader hears it when the list changes), the closed items hidden or shown with a link to
 * switch, and a pagination nav (links with the page in the URL; the current one `aria-current`).
 */
export function ListPager({ total, page, pageCount, pageSize, closedCount, closedShown, closedForced, href, testId = "showing" }: {
  total: number; page: number; pageCount: number; pageSize: number; closedCount: number;
  /** Closed items are in the list (asked for). */
  closedShown: boolean;
  /** A status filter on a closed status shows them whatever the switch says: no switch then. */
  closedForced?: boolean;
  href: (patch: { page?: number; closed?: boolean }) => string;
  testId?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const num = (n: number) => formatNumber(n, locale);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div className="list-pager">
      <p role="status" className="muted list-pager__status" data-testid={testId}>
        {total === 0 ? t("actions.showingNone") : t("actions.showingRange", { from: num(from), to: num(to), total: num(total) })}
        {closedForced ? null : closedShown ? ` ${t("actions.closedShown")}` : closedCount > 0 ? ` ${t("actions.closedHidden", { count: num(closedCount) })}` : null}
      </p>
      {closedForced || (!closedShown && closedCount === 0) ? null : (
        <p className="list-pager__closed">
          <Link href={href({ closed: closedShown ? undefined : true, page: undefined })} scroll={false} data-testid="closed-toggle">
            {closedShown ? t("actions.hideClosed") : t("actions.showClosed", { count: num(closedCount) })}
          </Link>
        </p>
      )}
      {pageCount > 1 ? <PageNav page={page} pageCount={pageCount} href={(n) => href({ page: n === 1 ? undefined : n })} /> : null}
    </div>
  );
}

function PageNav({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useT();
  return (
    <nav className="pagination" aria-label={t("actions.pagination")} data-testid="pagination">
      <ul>
        <li>
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev" className="pagination__step">{t("actions.previousPage")}</Link>
          ) : (
            <span className="pagination__step pagination__step--off" aria-hidden="true">{t("actions.previousPage")}</span>
          )}
        </li>
        {pagerPages(page, pageCount).map((n, k) =>
          n === null ? (
            <li key={`gap-${k}`} aria-hidden="true" className="pagination__gap">…</li>
          ) : (
            <li key={n}>
              <Link href={href(n)} aria-current={n === page ? "page" : undefined} className={n === page ? "pagination__page is-current" : "pagination__page"}
                aria-label={n === page ? t("actions.pageCurrent", { page: n }) : t("actions.pageLink", { page: n })}>
                {n}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link href={href(page + 1)} rel="next" className="pagination__step">{t("actions.nextPage")}</Link>
          ) : (
            <span className="pagination__step pagination__step--off" aria-hidden="true">{t("actions.nextPage")}</span>
          )}
        </li>
      </ul>
      <p className="visually-hidden">{t("actions.pageOf", { page, pages: pageCount })}</p>
    </nav>
  );
}
