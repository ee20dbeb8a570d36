"use client";

import { useId, useMemo, useRef, useState } from "react";
import { COMMENT_MAX } from "@/lib/validation/comment";
import { useT } from "../i18n-provider";
import { useMembers } from "./use-threads";

/** The "@partial name" just before the caret, if the caret is in one. */
function mentionQuery(value: string, caret: number): { start: number; query: string } | null {
  const before = value.slice(0, caret);
  const match = /(^|[^\p{L}\p{N}_])@([\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]*)?)$/u.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("nb");

/**
 * A comment's text area. Typing "@" and the start of a name offers the forum's members (the ARIA
 * combobox pattern: arrows choose, Enter or Tab inserts "@Full Name", Escape closes the list).
 * Ctrl+Enter (or Cmd+Enter) sends.
 */
export function CommentBox({
  forum, label, value, onChange, onSubmit, autoFocus, hint, error,
}: {
  forum: string; label: string; value: string; onChange: (value: string) => void; onSubmit: () => void;
  autoFocus?: boolean; hint?: string; error?: string;
}) {
  const t = useT();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const members = useMembers(forum, query !== null);
  const options = useMemo(() => {
    if (!query) return [];
    const q = fold(query.query);
    return members.filter((m) => fold(m.name).startsWith(q) || fold(m.name).split(" ").some((part) => part.startsWith(q))).slice(0, 6);
  }, [members, query]);
  const open = query !== null && options.length > 0;

  const look = (el: HTMLTextAreaElement) => {
    const next = mentionQuery(el.value, el.selectionStart);
    setQuery(next);
    if (next?.query !== query?.query) setActive(0);
  };

  const choose = (name: string) => {
    const el = area.current;
    if (!el || !query) return;
    const caret = el.selectionStart;
    const next = `${value.slice(0, query.start)}@${name} ${value.slice(caret)}`;
    onChange(next);
    setQuery(null);
    const at = query.start + name.length + 2;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((i) => (i + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(options[active]!.name);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    }
  };

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field comment-box${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      <textarea
        ref={area} id={id} value={value} rows={3} maxLength={COMMENT_MAX} autoFocus={autoFocus}
        role="combobox" aria-autocomplete="list" aria-expanded={open} aria-controls={`${id}-list`}
        aria-activedescendant={open ? `${id}-opt-${active}` : undefined} aria-describedby={describedBy} aria-invalid={error ? true : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          look(e.target);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => look(e.currentTarget)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t("comments.mentionList")} className="mention-list" hidden={!open}>
        {options.map((m, i) => (
          <li key={m.id} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} className={i === active ? "is-active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(m.name);
            }}>
            {m.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
