"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n-provider";

/**
 * The account links of the site header. On a wide screen they stand in the bar; on a phone they
 * fold behind a "Meny" button (a disclosure: aria-expanded, Escape closes and returns focus, a
 * navigation closes it) so the page's own content starts near the top of the first screen.
 */
export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const t = useT();
  const id = useId();
  const path = usePathname();
  // Open on the page where it was opened: a navigation closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  const setOpen = (value: boolean) => setOpenOn(value ? path : null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button ref={button} type="button" className="site-header__menu-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="site-header__menu-icon" />
        {t("app.menu")}
      </button>
      <nav id={id} aria-label={label} className="site-header__nav" data-open={open}>
        {children}
      </nav>
    </>
  );
}
