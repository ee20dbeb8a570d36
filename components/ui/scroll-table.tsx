"use client";

/**
 * A data table that scrolls sideways on narrow screens: the scrolling region can be reached with the
 * keyboard and is named, and the table carries the same name as its caption (for screen readers).
 */
export function ScrollTable({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className={className ? `table ${className}` : "table"}>
        <caption className="visually-hidden">{label}</caption>
        {children}
      </table>
    </div>
  );
}
