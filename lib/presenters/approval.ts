import type { ApprovalView } from "../db/approvals.ts";
import type { ActorStanding } from "../policies/actor.ts";
import { approvalAbilities, parseRule, verdict, type ApprovalAbilities, type DecisionRule, type SteeringFacts } from "../policies/approval.ts";

export type { ApprovalView };

/** A request as it leaves the server (and as the browser presents live ones): with the viewer's abilities and what the votes say. */
export interface PresentedApproval extends ApprovalView {
  abilities: ApprovalAbilities;
  parsedRule: DecisionRule;
  verdict: ReturnType<typeof verdict>;
  /** The viewer's own vote, if any. */
  myVote: ApprovalView["votes"][number] | null;
}

export function presentApproval(viewer: ActorStanding, steering: SteeringFacts, view: ApprovalView): PresentedApproval {
  const rule = parseRule(view.rule);
  return {
    ...view,
    abilities: approvalAbilities(viewer, steering, rule, view),
    parsedRule: rule,
    verdict: verdict(rule, view.votes),
    myVote: view.votes.find((v) => v.userId === viewer.userId) ?? null,
  };
}
