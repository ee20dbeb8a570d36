"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A row of tabs; the current one is marked with aria-current for screen readers and styling. */
export function NavLinks({ label, links, exact = [] }: { label: string; links: { href: string; text: string }[]; exact?: string[] }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="tabs">
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
