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
