/**
 * A table that scrolls sideways on narrow screens: the scrolling region is focusable (keyboard users
 * can scroll it) and named by the table's caption, or by `labelledBy` (a heading already on the page).
 */
export function ScrollTable({ id, caption, labelledBy, testId, className = "table", head, children }: {
  id: string; caption?: string; labelledBy?: string; testId?: string; className?: string;
  /** The header cells (<th scope="col">). */
  head: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy ?? `${id}-caption`} tabIndex={0}>
      <table className={className} data-testid={testId}>
        {caption ? <caption id={`${id}-caption`} className="table__caption">{caption}</caption> : null}
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
