import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { approvalAbilities, checkOutcome, DEFAULT_RULE, maySubmitForApproval, parseRule, type DecisionRule, type Outcome, type SteeringFacts, type VoteChoice } from "./approval.ts";
import { GROUP, STEERING, admin, groupMember, otherGroupMember, projectLeader, steeringMember } from "./test-actors.ts";

// Reference: who submits, votes and closes, and what the rules make of the votes.

const lead: ActorStanding = { userId: "u-steering-lead", role: "MEMBER", groupIds: [STEERING] };
const steering: SteeringFacts = { groupIds: [STEERING], memberIds: [steeringMember.userId, lead.userId], leadIds: [lead.userId] };
const votes = (...choices: VoteChoice[]) => choices.map((choice) => ({ choice }));

describe("maySubmitForApproval", () => {
  const rec = { groupId: GROUP, archived: false, kind: "RECOMMENDATION" };
  it.each([
    ["group member, live recommendation", groupMember, rec, false, true],
    ["project leader", projectLeader, rec, false, true],
    ["steering member", steeringMember, rec, false, false],
    ["member of another group", otherGroupMember, rec, false, false],
    ["administrator outside the group", admin, rec, false, false],
    ["group member, request already open", groupMember, rec, true, false],
    ["group member, archived", groupMember, { ...rec, archived: true }, false, false],
    ["group member, a note", groupMember, { ...rec, kind: "NOTE" }, false, false],
  ] as const)("%s", (_n, actor, doc, openRequest, expected) => {
    expect(maySubmitForApproval(actor, doc, openRequest)).toBe(expected);
  });
});

describe("approvalAbilities", () => {
  const rules: [string, DecisionRule][] = [
    ["lead closes", DEFAULT_RULE],
    ["project leader closes", { ...DEFAULT_RULE, closer: "PROJECT_LEADER" }],
    ["any steering member closes", { ...DEFAULT_RULE, closer: "STEERING_MEMBER" }],
  ];
  it.each([
    [lead, 0, { vote: true, close: true }], [steeringMember, 0, { vote: true, close: false }], [projectLeader, 0, { vote: false, close: false }],
    [lead, 1, { vote: true, close: false }], [projectLeader, 1, { vote: false, close: true }], [groupMember, 1, { vote: false, close: false }],
    [steeringMember, 2, { vote: true, close: true }], [admin, 2, { vote: false, close: false }],
  ] as const)("%# %o under rule %i", (actor, ruleIndex, expected) => {
    expect(approvalAbilities(actor, steering, rules[ruleIndex]![1], { status: "OPEN" })).toEqual(expected);
  });
  it("nobody votes or closes once decided", () => {
    for (const status of ["APPROVED", "CHANGES_REQUESTED", "REJECTED", "WITHDRAWN"]) {
      expect(approvalAbilities(lead, steering, DEFAULT_RULE, { status })).toEqual({ vote: false, close: false });
    }
  });
});

describe("checkOutcome: the rules at their edges (quorum 3, more than 50 %, a block stops)", () => {
  const rows: [string, VoteChoice[], Outcome, boolean][] = [
    ["one vote short of quorum", ["APPROVE", "APPROVE"], "APPROVED", false],
    ["one vote short: no outcome at all", ["APPROVE", "OBJECT"], "REJECTED", false],
    ["quorum with an abstention", ["APPROVE", "APPROVE", "ABSTAIN"], "APPROVED", true],
    ["a single block stops approval", ["APPROVE", "APPROVE", "BLOCK"], "APPROVED", false],
    ["a block allows changes requested", ["APPROVE", "APPROVE", "BLOCK"], "CHANGES_REQUESTED", true],
    ["a tie is not a majority", ["APPROVE", "OBJECT", "ABSTAIN"], "APPROVED", false],
    ["a tie allows rejection", ["APPROVE", "OBJECT", "ABSTAIN"], "REJECTED", true],
    ["two of three approve", ["APPROVE", "APPROVE", "OBJECT"], "APPROVED", true],
    ["approving votes cannot be rejected", ["APPROVE", "APPROVE", "APPROVE"], "REJECTED", false],
    ["approving votes cannot become changes requested", ["APPROVE", "APPROVE", "OBJECT"], "CHANGES_REQUESTED", false],
    ["only abstentions: no majority", ["ABSTAIN", "ABSTAIN", "ABSTAIN"], "APPROVED", false],
  ];
  it.each(rows)("%s", (_n, choices, outcome, ok) => {
    expect(checkOutcome(DEFAULT_RULE, votes(...choices), outcome, 5).ok).toBe(ok);
  });
  it("says why, with the numbers", () => {
    expect(checkOutcome(DEFAULT_RULE, votes("APPROVE", "APPROVE"), "APPROVED", 5)).toEqual({ ok: false, reason: "approval.ruleQuorum", vars: { needed: 3, members: 5, given: 2 } });
  });
  it("without the block rule a block is an objection", () => {
    expect(checkOutcome({ ...DEFAULT_RULE, blockStops: false }, votes("APPROVE", "APPROVE", "BLOCK"), "APPROVED", 3).ok).toBe(true);
  });
  it("reads stored rules, falling back to the defaults", () => {
    expect(parseRule('{"quorum":5,"majority":66,"blockStops":false,"closer":"PROJECT_LEADER"}')).toEqual({ quorum: 5, majority: 66, blockStops: false, closer: "PROJECT_LEADER" });
    expect(parseRule("not json")).toEqual(DEFAULT_RULE);
    expect(parseRule('{"closer":"ANYONE"}').closer).toBe("STEERING_LEAD");
  });
});
