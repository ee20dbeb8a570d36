/**
 * A data table that scrolls sideways on narrow screens: the scrolling region can be reached with the
 * keyboard and is named. Its name is a visible `caption`, a hidden caption from `label`, or a heading
 * already on the page (`labelledBy`). Give `head` (the header cells) and the rows as children, or the
 * table's whole content (thead and tbody) as children.
 */
export function ScrollTable({ id, caption, label, labelledBy, testId, className, head, children }: {
  id?: string; caption?: string; label?: string; labelledBy?: string; testId?: string;
  /** Classes of the table; "table" is always among them. */
  className?: string;
  /** The header cells (<th scope="col">). */
  head?: React.ReactNode;
  children: React.ReactNode;
}) {
  const captionId = caption && id ? `${id}-caption` : undefined;
  const classes = className?.split(/\s+/).includes("table") ? className : `table ${className ?? ""}`.trim();
  return (
    <div className="table-scroll" role="region" tabIndex={0}
      aria-labelledby={labelledBy ?? captionId} aria-label={labelledBy || captionId ? undefined : (caption ?? label)}>
      <table className={classes} data-testid={testId}>
        {caption ? <caption id={captionId} className="table__caption">{caption}</caption> : label ? <caption className="visually-hidden">{label}</caption> : null}
        {head ? (
          <>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>{children}</tbody>
          </>
        ) : (
          children
        )}
      </table>
    </div>
  );
}
