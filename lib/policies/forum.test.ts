import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { forumAbilities, type ForumAbilities } from "./forum.ts";
import { admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup } from "./test-actors.ts";

// Reference: only forum administrators administer, whatever groups they are in.
// The overview of every group's actions is read-only and open to every member of the forum
// (writing is decided per item by actionAbilities).

const ADMINISTRATOR: ForumAbilities = { administer: true, overview: true };
const NOT_ADMINISTRATOR: ForumAbilities = { administer: false, overview: true };

const rows: [string, ActorStanding, ForumAbilities][] = [
  ["forum ADMIN with no groups", admin, ADMINISTRATOR],
  ["PROJECT_LEADER with no groups", projectLeader, NOT_ADMINISTRATOR],
  ["member of a competence group", groupMember, NOT_ADMINISTRATOR],
  ["member of another group only", otherGroupMember, NOT_ADMINISTRATOR],
  ["steering-group member", steeringMember, NOT_ADMINISTRATOR],
  ["ADMIN who is also a group member", adminInGroup, ADMINISTRATOR],
];

describe("forumAbilities: every role", () => {
  it.each(rows)("%s", (_name, actor, expected) => {
    expect(forumAbilities(actor)).toEqual(expected);
  });
});
