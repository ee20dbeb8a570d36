import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { forumAbilities, type ForumAbilities } from "./forum.ts";

// Reference: only forum administrators administer, whatever groups they are in.
// The overview of every group's actions is read-only and open to every member of the forum
// (writing is decided per item by actionAbilities).

const GROUP = "g-competence";
const OTHER = "g-other";
const STEERING = "g-steering";

const admin: ActorStanding = { userId: "u-admin", role: "ADMIN", groupIds: [] };
const projectLeader: ActorStanding = { userId: "u-leader", role: "PROJECT_LEADER", groupIds: [] };
const groupMember: ActorStanding = { userId: "u-member", role: "MEMBER", groupIds: [GROUP] };
const otherGroupMember: ActorStanding = { userId: "u-other", role: "MEMBER", groupIds: [OTHER] };
const steeringMember: ActorStanding = { userId: "u-steering", role: "MEMBER", groupIds: [STEERING] };
const adminInGroup: ActorStanding = { userId: "u-admin-member", role: "ADMIN", groupIds: [GROUP] };

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
