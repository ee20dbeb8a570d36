import { describe, expect, it } from "vitest";
import { worksInGroup, type ActorStanding } from "./actor.ts";
import { GROUP, OTHER, STEERING, admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup } from "./test-actors.ts";

// Reference: who "works in" a group — its members, and the project leader in every group.
// Forum ADMIN gives no standing in a group by itself; steering members work only in the steering group.

const rows: [string, ActorStanding, string, boolean][] = [
  ["forum ADMIN with no groups, competence group", admin, GROUP, false],
  ["forum ADMIN with no groups, other group", admin, OTHER, false],
  ["forum ADMIN with no groups, steering group", admin, STEERING, false],
  ["PROJECT_LEADER with no groups, competence group", projectLeader, GROUP, true],
  ["PROJECT_LEADER with no groups, other group", projectLeader, OTHER, true],
  ["PROJECT_LEADER with no groups, steering group", projectLeader, STEERING, true],
  ["member of the competence group, competence group", groupMember, GROUP, true],
  ["member of the competence group, other group", groupMember, OTHER, false],
  ["member of the competence group, steering group", groupMember, STEERING, false],
  ["member of another group only, competence group", otherGroupMember, GROUP, false],
  ["member of another group only, other group", otherGroupMember, OTHER, true],
  ["member of another group only, steering group", otherGroupMember, STEERING, false],
  ["steering-group member, competence group", steeringMember, GROUP, false],
  ["steering-group member, other group", steeringMember, OTHER, false],
  ["steering-group member, steering group", steeringMember, STEERING, true],
  ["ADMIN who is a member of the group, competence group", adminInGroup, GROUP, true],
  ["ADMIN who is a member of the group, other group", adminInGroup, OTHER, false],
  ["ADMIN who is a member of the group, steering group", adminInGroup, STEERING, true],
];

describe("worksInGroup: every role × group", () => {
  for (const [name, actor, groupId, expected] of rows) {
    it(`${name} → ${expected}`, () => {
      expect(worksInGroup(actor, groupId)).toBe(expected);
    });
  }

  it("covers every actor × group", () => {
    const actors = [admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup];
    for (const actor of actors) {
      for (const groupId of [GROUP, OTHER, STEERING]) {
        expect(rows.filter(([, a, g]) => a === actor && g === groupId)).toHaveLength(1);
      }
    }
  });
});
