import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { decisionRecordAbilities, isDecided, mayReadDecisionRecord, type ApprovalStatusName } from "./decision-record.ts";
import { admin, adminInGroup, groupMember, otherGroupMember, projectLeader, steeringMember } from "./test-actors.ts";

// Reference: every member of the forum reads the decision record of every decided request
// (approved, changes requested, rejected, withdrawn), whatever their role or groups; nobody reads
// one while the request is open (the route answers 409). Outside the forum there is no standing
// and the route answers 404 before the policy is asked.

const actors: [string, ActorStanding][] = [
  ["forum ADMIN with no groups", admin],
  ["PROJECT_LEADER with no groups", projectLeader],
  ["member of the owning competence group", groupMember],
  ["member of another group only", otherGroupMember],
  ["steering-group member", steeringMember],
  ["ADMIN who is also a group and steering member", adminInGroup],
];

const states: [ApprovalStatusName, boolean][] = [
  ["OPEN", false],
  ["APPROVED", true],
  ["CHANGES_REQUESTED", true],
  ["REJECTED", true],
  ["WITHDRAWN", true],
];

const rows = actors.flatMap(([name, actor]) => states.map(([status, read]) => [name, status, actor, read] as const));

describe("decisionRecordAbilities: every role × every request status", () => {
  it.each(rows)("%s, request %s", (_name, status, actor, read) => {
    expect(decisionRecordAbilities(actor, { status })).toEqual({ read });
    expect(mayReadDecisionRecord(actor, { status })).toBe(read);
  });

  it("calls a request decided once it is no longer open", () => {
    expect(states.map(([s]) => isDecided(s))).toEqual(states.map(([, read]) => read));
  });
});
