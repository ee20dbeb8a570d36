import type { ActorStanding } from "./actor.ts";
import { actionAbilities, type ActionFacts } from "./action.ts";
import { documentAbilities, type DocumentFacts } from "./document.ts";

/** Who may set the RACI of an item: one rule, for action items and documents alike. */
export function maySetResponsibilities(
  actor: ActorStanding,
  subject: { kind: "action"; item: ActionFacts } | { kind: "document"; doc: DocumentFacts },
): boolean {
  return subject.kind === "action" ? actionAbilities(actor, subject.item).setRaci : documentAbilities(actor, subject.doc).setRaci;
}

/** The RACI invariant: at most one Accountable per item (none is allowed, and flagged on screen). */
export function accountableCount(list: readonly { role: string }[]): number {
  return list.filter((a) => a.role === "A").length;
}

export type RaciRole = "R" | "A" | "C" | "I";
export type RaciAssignment = { role: RaciRole; userId?: string; groupId?: string };
export type RaciParty = { userId: string; groupId?: undefined } | { groupId: string; userId?: undefined };
type StoredRaci = readonly { role: RaciRole; user: { id: string } | null; group: { id: string } | null }[];

/** A stored RACI list as assignments (what the RACI route takes). */
export const raciAssignments = (raci: StoredRaci): RaciAssignment[] =>
  raci.map((r) => (r.user ? { role: r.role, userId: r.user.id } : { role: r.role, groupId: r.group!.id }));

export const isParty = (a: { userId?: string; groupId?: string }, p: RaciParty) => (p.userId ? a.userId === p.userId : a.groupId === p.groupId);

/**
 * The one model of owner and Accountable: an action's owner IS its Accountable person. This makes
 * `to` the Accountable of a RACI list; whoever held A before stays on the item as Responsible (R),
 * so nobody drops off it unseen (they can be removed in the matrix). `to` null: nobody is A.
 */
export function withAccountable(raci: StoredRaci, to: RaciParty | null): RaciAssignment[] {
  const list = raciAssignments(raci)
    .filter((a) => !to || !isParty(a, to))
    .map((a) => (a.role === "A" ? { ...a, role: "R" as const } : a));
  return to ? [...list, { ...to, role: "A" }] : list;
}

/** The owner a RACI list implies: its Accountable when that is a person; none when a whole group (or nobody) is. */
export const ownerOf = (list: readonly RaciAssignment[]): string | null => list.find((a) => a.role === "A")?.userId ?? null;
