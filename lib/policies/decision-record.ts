import type { ActorStanding } from "./actor.ts";

// A decision record (PDF/Markdown) of an approval request: the frozen text, the votes with their
// reasons, the outcome and the request's audit trail. The steering group's decisions are the
// forum's shared record, so every member of the forum reads them (a standing exists only for
// members; outside the forum nothing is visible, 404). There is no record until the request is
// decided: while it is open, votes may still change.

export type ApprovalStatusName = "OPEN" | "APPROVED" | "CHANGES_REQUESTED" | "REJECTED" | "WITHDRAWN";

export interface DecisionRecordFacts {
  status: ApprovalStatusName;
}

export interface DecisionRecordAbilities {
  /** Download the record as PDF or Markdown. */
  read: boolean;
}

/** A request is decided (has an outcome, and so a record) once it is no longer open. */
export function isDecided(status: ApprovalStatusName): boolean {
  return status !== "OPEN";
}

/** What the actor may do with the decision record of one request. */
export function decisionRecordAbilities(actor: ActorStanding, request: DecisionRecordFacts): DecisionRecordAbilities {
  // Every standing is a member of the forum; the role does not narrow reading.
  void actor;
  return { read: isDecided(request.status) };
}

/** Whether the actor may read the decision record of the request. */
export function mayReadDecisionRecord(actor: ActorStanding, request: DecisionRecordFacts): boolean {
  return decisionRecordAbilities(actor, request).read;
}
