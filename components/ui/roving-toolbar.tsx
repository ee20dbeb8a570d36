"use client";

import { useEffect, useRef } from "react";

const ITEMS = "button:not(:disabled)";

/**
 * A toolbar that is one tab stop (WAI-ARIA toolbar pattern): the last used button has tabindex 0,
 * the others -1; Left/Right (and Up/Down) move between buttons, wrapping, Home and End go to the
 * first and last. Tab leaves the toolbar.
 */
export function RovingToolbar({ label, className, children, orientation = "horizontal" }: {
  label: string; className?: string; children: React.ReactNode; orientation?: "horizontal" | "vertical";
}) {
  const ref = useRef<HTMLDivElement>(null);
  const current = useRef(0);

  // After every render (buttons may come and go): exactly one button is in the tab order.
  useEffect(() => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>(ITEMS) ?? [])];
    if (items.length === 0) return;
    const focused = items.indexOf(document.activeElement as HTMLButtonElement);
    if (focused >= 0) current.current = focused;
    current.current = Math.min(current.current, items.length - 1);
    items.forEach((b, i) => (b.tabIndex = i === current.current ? 0 : -1));
  });

  const move = (items: HTMLButtonElement[], to: number) => {
    items.forEach((b, i) => (b.tabIndex = i === to ? 0 : -1));
    current.current = to;
    items[to]?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>(ITEMS) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = e.key === "ArrowRight" || e.key === "ArrowDown";
    const prev = e.key === "ArrowLeft" || e.key === "ArrowUp";
    if (next) move(items, (at + 1) % items.length);
    else if (prev) move(items, (at - 1 + items.length) % items.length);
    else if (e.key === "Home") move(items, 0);
    else if (e.key === "End") move(items, items.length - 1);
    else return;
    e.preventDefault();
  };

  const onFocus = (e: React.FocusEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>(ITEMS) ?? [])];
    const at = items.indexOf(e.target as unknown as HTMLButtonElement);
    if (at >= 0 && at !== current.current) move(items, at);
  };

  return (
    <div ref={ref} role="toolbar" aria-label={label} aria-orientation={orientation} className={className} onKeyDown={onKeyDown} onFocus={onFocus}>
      {children}
    </div>
  );
}
