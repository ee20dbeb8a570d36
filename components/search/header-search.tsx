"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider";
import type { SearchHitView } from "@/lib/presenters/search";
import { api, pages } from "@/lib/urls";
import { searchParamsToQuery } from "@/lib/validation/search";
import { hitTitle } from "./hit-labels";
import { MarkedText } from "./marked-text";

const SUGGESTIONS = 8;
const DEBOUNCE_MS = 150;

/** Whether a key press is typing into something (where `/` must stay a slash). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The search box in the site header: an ARIA 1.2 combobox with a listbox of suggestions (the
 * best hits as one types, then "see all results"). Arrow keys move the active option
 * (aria-activedescendant), Enter opens it, Escape closes the list; Enter with no active option
 * opens the search page. `/` (outside text fields) and Ctrl+K / Cmd+K focus it from anywhere.
 */
export function HeaderSearch({ defaultForum }: { defaultForum: string | null }) {
  const t = useT();
  const router = useRouter();
  const path = usePathname();
  const inForum = /^\/f\/([^/]+)/.exec(path)?.[1];
  const forum = inForum ? decodeURIComponent(inForum) : defaultForum;
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHitView[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k";
      if (!slash && !ctrlK) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const text = q.trim();
    if (!forum || text.length === 0) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(api.search(forum, searchParamsToQuery({ q: text, limit: SUGGESTIONS })), { signal: abort.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { hits: SearchHitView[] };
        setHits(body.hits);
        setActive(-1);
        setOpen(true);
      } catch {
        // Aborted by the next keystroke, or offline: the list keeps what it had.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q, forum]);

  if (!forum) return null;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const total = hits.length + 1; // the hits, then "see all results"
  const searchPage = pages.search(forum, searchParamsToQuery({ q: q.trim() }));
  const hrefAt = (i: number) => (i < hits.length ? hits[i]!.href : searchPage);
  const expanded = open && q.trim().length > 0;

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    router.push(href);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!q.trim()) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a === -1 ? (step === 1 ? 0 : total - 1) : (a + step + total) % total));
    } else if (e.key === "Enter" && expanded && active >= 0) {
      e.preventDefault();
      go(hrefAt(active));
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else {
        setQ("");
      }
    }
  };

  return (
    <form
      role="search"
      aria-label={t("search.label")}
      className="header-search"
      action={pages.search(forum)}
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) go(searchPage);
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="header-search__input"
        type="search"
        name="q"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder={t("search.placeholder")}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          if (!e.target.value.trim()) {
            setHits([]);
            setOpen(false);
          }
        }}
        onKeyDown={onKeyDown}
        onFocus={() => hits.length > 0 && setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t("search.shortcut")}
      </span>
      <kbd className="header-search__key" aria-hidden="true">
        /
      </kbd>
      <ul id={listId} role="listbox" aria-label={t("search.suggestions")} className="header-search__list" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}:${hit.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="header-search__option"
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              go(hit.href);
            }}
          >
            <span className="header-search__line">
              <span className="badge">{t(`search.kinds.${hit.kind}`)}</span>
              <span className="header-search__title">
                <MarkedText text={hitTitle(hit, t)} />
              </span>
            </span>
            <span className="header-search__meta">{hit.group.name}</span>
            {hit.snippet ? (
              <span className="header-search__snippet">
                <MarkedText text={hit.snippet} />
              </span>
            ) : null}
          </li>
        ))}
        <li
          id={optionId(hits.length)}
          role="option"
          aria-selected={active === hits.length}
          className="header-search__option header-search__option--all"
          onMouseDown={(e) => {
            e.preventDefault();
            go(searchPage);
          }}
        >
          {hits.length === 0 ? `${t("search.noSuggestions")} ` : null}
          {t("search.seeAll", { q: q.trim() })}
        </li>
      </ul>
      <p role="status" className="visually-hidden">
        {expanded ? t("search.suggestionCount", { count: hits.length }) : ""}
      </p>
    </form>
  );
}
