"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** A row of tabs; the current one is marked with aria-current for screen readers and styling. */
export function NavLinks({ label, links, exact = [] }: { label: string; links: { href: string; text: string }[]; exact?: string[] }) {
  const path = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a phone the tabs are one row that scrolls sideways: keep the current one in view.
  useEffect(() => {
    const list = nav.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    const offset = current.getBoundingClientRect().left - list.getBoundingClientRect().left;
    list.scrollLeft += offset - (list.clientWidth - current.offsetWidth) / 2;
  }, [path]);
  return (
    <nav ref={nav} aria-label={label} className="tabs">
      <ul>
        {links.map((l) => {
          const current = exact.includes(l.href) ? path === l.href : path === l.href || path.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={current ? "page" : undefined}>
                {l.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
