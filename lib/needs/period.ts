// Periods are a year ("2026") or a half-year ("2026-H1"); these put them in time order.

/** Sort key: 2026 → 2026.0, 2026-H1 → 2026.25, 2026-H2 → 2026.75 (a year sits before its halves). */
export function periodOrder(period: string): number {
  const m = /^(\d{4})(?:-H([12]))?$/.exec(period);
  if (!m) return Number.POSITIVE_INFINITY;
  return Number(m[1]) + (m[2] === "1" ? 0.25 : m[2] === "2" ? 0.75 : 0);
}

export function comparePeriods(a: string, b: string): number {
  return periodOrder(a) - periodOrder(b) || a.localeCompare(b);
}
