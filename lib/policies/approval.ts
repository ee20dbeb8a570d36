import type { MessageKey } from "../i18n/index.ts";
import { worksInGroup, type ActorStanding } from "./actor.ts";

// The steering group's decisions: who may submit, vote and close, and what the forum's decision
// rules make of the votes. Pure functions: the server and the browser ask the same ones.

export type VoteChoice = "APPROVE" | "OBJECT" | "ABSTAIN" | "BLOCK";
export type Outcome = "APPROVED" | "CHANGES_REQUESTED" | "REJECTED";
export type Closer = "STEERING_LEAD" | "PROJECT_LEADER" | "STEERING_MEMBER";

export interface DecisionRule {
  /** Minimum number of votes cast (abstentions count). */
  quorum: number;
  /** Approval needs MORE than this share (percent) of approve among approve, object and block. */
  majority: number;
  /** One block stops approval. */
  blockStops: boolean;
  /** Who records the outcome. */
  closer: Closer;
}

export const DEFAULT_RULE: DecisionRule = { quorum: 3, majority: 50, blockStops: true, closer: "STEERING_LEAD" };

/** The forum's steering group(s): who sits there and who leads. */
export interface SteeringFacts {
  groupIds: readonly string[];
  memberIds: readonly string[];
  leadIds: readonly string[];
}

export function isSteeringMember(actor: ActorStanding, steering: SteeringFacts): boolean {
  return steering.memberIds.includes(actor.userId) || actor.groupIds.some((g) => steering.groupIds.includes(g));
}

/** Recommendations go to the steering group from those who work in the owning group. */
export function maySubmitForApproval(
  actor: ActorStanding,
  doc: { groupId: string; archived: boolean; kind: string },
  openRequest: boolean,
): boolean {
  return doc.kind === "RECOMMENDATION" && !doc.archived && !openRequest && worksInGroup(actor, doc.groupId);
}

export interface ApprovalAbilities {
  /** Cast or change one's vote. */
  vote: boolean;
  /** Record the outcome. */
  close: boolean;
}

export function approvalAbilities(actor: ActorStanding, steering: SteeringFacts, rule: DecisionRule, request: { status: string }): ApprovalAbilities {
  const open = request.status === "OPEN";
  const member = isSteeringMember(actor, steering);
  const closer =
    rule.closer === "PROJECT_LEADER" ? actor.role === "PROJECT_LEADER" : rule.closer === "STEERING_MEMBER" ? member : steering.leadIds.includes(actor.userId);
  return { vote: open && member, close: open && closer };
}

/** A reason is required for an objection and a block. */
export function voteNeedsReason(choice: VoteChoice): boolean {
  return choice === "OBJECT" || choice === "BLOCK";
}

export interface Tally {
  approve: number;
  object: number;
  abstain: number;
  block: number;
  /** Every vote cast, abstentions included (what the quorum counts). */
  cast: number;
}

export function tally(votes: readonly { choice: VoteChoice }[]): Tally {
  const count = (c: VoteChoice) => votes.filter((v) => v.choice === c).length;
  return { approve: count("APPROVE"), object: count("OBJECT"), abstain: count("ABSTAIN"), block: count("BLOCK"), cast: votes.length };
}

/** What the votes say under the rule: is the quorum met, and do they carry approval? */
export function verdict(rule: DecisionRule, votes: readonly { choice: VoteChoice }[]) {
  const t = tally(votes);
  const decisive = t.approve + t.object + t.block;
  const quorumMet = t.cast >= rule.quorum;
  const blocked = rule.blockStops && t.block > 0;
  // More than `majority` percent, so a tie at 50 % is not a majority.
  const majority = decisive > 0 && t.approve * 100 > rule.majority * decisive;
  return { tally: t, quorumMet, blocked, majority, approves: quorumMet && majority && !blocked };
}

export type OutcomeCheck = { ok: true } | { ok: false; reason: MessageKey; vars: Record<string, string | number> };

/**
 * Whether the closer may record `outcome`: every outcome needs the quorum; approval needs the
 * majority and no stopping block; changes requested or rejection need the votes NOT to approve.
 */
export function checkOutcome(rule: DecisionRule, votes: readonly { choice: VoteChoice }[], outcome: Outcome, steeringSize: number): OutcomeCheck {
  const v = verdict(rule, votes);
  if (!v.quorumMet) return { ok: false, reason: "approval.ruleQuorum", vars: { needed: rule.quorum, members: steeringSize, given: v.tally.cast } };
  if (outcome === "APPROVED") {
    if (v.blocked) return { ok: false, reason: "approval.ruleBlocked", vars: { blocks: v.tally.block } };
    if (!v.majority) return { ok: false, reason: "approval.ruleMajority", vars: { approve: v.tally.approve, decisive: v.tally.approve + v.tally.object + v.tally.block, majority: rule.majority } };
    return { ok: true };
  }
  if (v.approves) return { ok: false, reason: "approval.ruleApproves", vars: { approve: v.tally.approve, cast: v.tally.cast } };
  return { ok: true };
}

/** Reads a rule stored as JSON (a request keeps the rule it was opened under). */
export function parseRule(json: string | null | undefined): DecisionRule {
  try {
    const r = JSON.parse(json ?? "{}") as Partial<DecisionRule>;
    return {
      quorum: Number.isInteger(r.quorum) ? r.quorum! : DEFAULT_RULE.quorum,
      majority: Number.isInteger(r.majority) ? r.majority! : DEFAULT_RULE.majority,
      blockStops: typeof r.blockStops === "boolean" ? r.blockStops : DEFAULT_RULE.blockStops,
      closer: r.closer === "PROJECT_LEADER" || r.closer === "STEERING_MEMBER" || r.closer === "STEERING_LEAD" ? r.closer : DEFAULT_RULE.closer,
    };
  } catch {
    return DEFAULT_RULE;
  }
}
