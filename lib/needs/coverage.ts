// What covers a competence need — the one definition the need page, the gap view, the target area
// pages and the annual report share.

/** Action statuses that count as "under way" (started or done); open, blocked and cancelled ones do not. */
export const ACTION_UNDER_WAY = ["IN_PROGRESS", "DONE"] as const;

export type Coverage = "BOTH" | "RECOMMENDATION" | "ACTION" | "NONE";
/** In the order a list of needs shows them: uncovered first. */
export const COVERAGE_ORDER: readonly Coverage[] = ["NONE", "ACTION", "RECOMMENDATION", "BOTH"];

export interface CoverageFacts {
  /** Linked recommendations: whether each has an approved version. */
  recommendations: readonly { approved: boolean }[];
  /** Linked actions and their status. */
  actions: readonly { status: string }[];
}

export function isUnderWay(status: string): boolean {
  return (ACTION_UNDER_WAY as readonly string[]).includes(status);
}

/**
 * A need is covered by a recommendation when one linked to it has been approved by the steering
 * group, and by an action when a linked action is under way (in progress or done).
 */
export function coverageOf(facts: CoverageFacts): Coverage {
  const recommendation = facts.recommendations.some((r) => r.approved);
  const action = facts.actions.some((a) => isUnderWay(a.status));
  return recommendation && action ? "BOTH" : recommendation ? "RECOMMENDATION" : action ? "ACTION" : "NONE";
}

/** The gap of a need: demand − supply (negative when supply exceeds demand). */
export function gapOf(need: { demand: number; supply: number }): number {
  return Math.round((need.demand - need.supply) * 100) / 100;
}
