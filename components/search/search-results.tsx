"use client";

import Link from "next/link";
import { useId } from "react";
import { useT } from "@/components/i18n-provider";
import type { SearchHitView } from "@/lib/presenters/search";
import { hitStatusLabel, hitTitle } from "./hit-labels";
import { MarkedText } from "./marked-text";

/** Moves focus between the result links with the arrow keys (Home and End to the first and last). */
export function focusNextHit(list: HTMLElement | null, key: string): boolean {
  const links = [...(list?.querySelectorAll<HTMLAnchorElement>("a[data-search-hit]") ?? [])];
  if (links.length === 0) return false;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    key === "ArrowDown" ? (at + 1) % links.length
    : key === "ArrowUp" ? (at <= 0 ? links.length - 1 : at - 1)
    : key === "Home" ? 0
    : key === "End" ? links.length - 1
    : -1;
  if (next < 0) return false;
  links[next]!.focus();
  return true;
}

export const RESULTS_ID = "search-results";

/**
 * The results: a list of links (each opens the document, action or comment thread), with kind,
 * group, status and the highlighted snippet. ArrowUp/ArrowDown move between the links, Enter opens
 * one (it is a link); Tab works as everywhere.
 */
export function SearchResults({ hits }: { hits: SearchHitView[] }) {
  const t = useT();
  const helpId = useId();
  return (
    <>
      <p id={helpId} className="muted small">
        {t("search.listHelp")}
      </p>
      <ol
        id={RESULTS_ID}
        className="search-results"
        aria-describedby={helpId}
        onKeyDown={(e) => {
          if (focusNextHit(e.currentTarget, e.key)) e.preventDefault();
        }}
      >
        {hits.map((hit) => (
          <li key={`${hit.kind}:${hit.id}`} className="search-hit card">
            <p className="search-hit__meta">
              <span className="badge">{t(`search.kinds.${hit.kind}`)}</span>
              <span>{hit.group.name}</span>
              <span>{hitStatusLabel(hit, t)}</span>
            </p>
            <h3 className="search-hit__title">
              <Link href={hit.href} data-search-hit="">
                <MarkedText text={hitTitle(hit, t)} />
              </Link>
            </h3>
            {hit.snippet ? (
              <p className="search-hit__snippet">
                <MarkedText text={hit.snippet} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
