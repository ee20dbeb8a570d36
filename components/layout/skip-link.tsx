"use client";

/**
 * "Skip to main content": the first tab stop of every page. It lands on the page's own content
 * (a layout marks it with `data-skip-target`, e.g. past the forum's tabs), or on <main> where no
 * layout marks one; without JavaScript the plain `#main` link still works.
 */
export function SkipLink({ children }: { children: React.ReactNode }) {
  const onClick = (e: React.MouseEvent<HTMLAnchorElement>) => {
    const targets = document.querySelectorAll<HTMLElement>("[data-skip-target]");
    const target = targets[targets.length - 1] ?? document.getElementById("main");
    if (!target) return;
    e.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "start" });
  };
  return (
    <a className="skip-link" href="#main" onClick={onClick}>
      {children}
    </a>
  );
}
