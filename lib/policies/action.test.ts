import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { actionAbilities, mayApplyActionUpdate, type ActionAbilities, type ActionFacts } from "./action.ts";
import { GROUP, OTHER, admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup } from "./test-actors.ts";

// Reference: the group's members and the project leader change the group's board (update any field,
// move the status, set RACI). The owner of an action may move its status even outside the group,
// but nothing else. A forum ADMIN is not a writer unless a member; steering members and others read.

/** Owns items in the group but is not a member of it (leads another group). */
const ownerOutside: ActorStanding = { userId: "u-owner-outside", role: "MEMBER", groupIds: [OTHER] };
/** Owns items in the group and is a member of it. */
const ownerInside: ActorStanding = { userId: "u-owner-inside", role: "MEMBER", groupIds: [GROUP] };

const actors = [admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup, ownerOutside, ownerInside];

const unowned: ActionFacts = { groupId: GROUP, ownerId: null };
const ownedBySomeoneElse: ActionFacts = { groupId: GROUP, ownerId: "u-someone-else" };
const ownedBy = (actor: ActorStanding): ActionFacts => ({ groupId: GROUP, ownerId: actor.userId });

const WRITER: ActionAbilities = { read: true, update: true, changeStatus: true, setRaci: true };
const STATUS_ONLY: ActionAbilities = { read: true, update: false, changeStatus: true, setRaci: false };
const READER: ActionAbilities = { read: true, update: false, changeStatus: false, setRaci: false };

type State = "owner null" | "owner = actor" | "owner = someone else";
const facts = (state: State, actor: ActorStanding): ActionFacts =>
  state === "owner null" ? unowned : state === "owner = actor" ? ownedBy(actor) : ownedBySomeoneElse;

const rows: [string, ActorStanding, State, ActionAbilities][] = [
  ["forum ADMIN with no groups", admin, "owner null", READER],
  ["forum ADMIN with no groups", admin, "owner = actor", STATUS_ONLY],
  ["forum ADMIN with no groups", admin, "owner = someone else", READER],
  ["PROJECT_LEADER with no groups", projectLeader, "owner null", WRITER],
  ["PROJECT_LEADER with no groups", projectLeader, "owner = actor", WRITER],
  ["PROJECT_LEADER with no groups", projectLeader, "owner = someone else", WRITER],
  ["member of the group", groupMember, "owner null", WRITER],
  ["member of the group", groupMember, "owner = actor", WRITER],
  ["member of the group", groupMember, "owner = someone else", WRITER],
  ["member of another group only", otherGroupMember, "owner null", READER],
  ["member of another group only", otherGroupMember, "owner = actor", STATUS_ONLY],
  ["member of another group only", otherGroupMember, "owner = someone else", READER],
  ["steering-group member", steeringMember, "owner null", READER],
  ["steering-group member", steeringMember, "owner = actor", STATUS_ONLY],
  ["steering-group member", steeringMember, "owner = someone else", READER],
  ["ADMIN who is a member of the group", adminInGroup, "owner null", WRITER],
  ["ADMIN who is a member of the group", adminInGroup, "owner = actor", WRITER],
  ["ADMIN who is a member of the group", adminInGroup, "owner = someone else", WRITER],
  ["owner who is not in the group", ownerOutside, "owner null", READER],
  ["owner who is not in the group", ownerOutside, "owner = actor", STATUS_ONLY],
  ["owner who is not in the group", ownerOutside, "owner = someone else", READER],
  ["owner who is in the group", ownerInside, "owner null", WRITER],
  ["owner who is in the group", ownerInside, "owner = actor", WRITER],
  ["owner who is in the group", ownerInside, "owner = someone else", WRITER],
];

describe("actionAbilities: every role × owner state", () => {
  for (const [name, actor, state, expected] of rows) {
    it(`${name}, ${state}`, () => {
      expect(actionAbilities(actor, facts(state, actor))).toEqual(expected);
    });
  }

  it("an item in another group gives a group member nothing but their own status", () => {
    expect(actionAbilities(groupMember, { groupId: OTHER, ownerId: null })).toEqual(READER);
    expect(actionAbilities(groupMember, { groupId: OTHER, ownerId: groupMember.userId })).toEqual(STATUS_ONLY);
  });

  it("covers every actor × state", () => {
    for (const actor of actors) {
      for (const state of ["owner null", "owner = actor", "owner = someone else"] as const) {
        expect(rows.filter(([, a, s]) => a === actor && s === state)).toHaveLength(1);
      }
    }
  });
});

// Fields of an update (as lib/commands/actions.ts passes them): status alone needs changeStatus;
// every other field needs update; a mix needs both; an empty update applies nothing.
const fieldRows: [string, ActionAbilities, string[], boolean][] = [
  ["writer, status only", WRITER, ["status"], true],
  ["writer, title", WRITER, ["title"], true],
  ["writer, status + title", WRITER, ["status", "title"], true],
  ["writer, every field", WRITER, ["title", "description", "ownerId", "dueDate", "targetAreaId", "status"], true],
  ["writer, nothing", WRITER, [], false],
  ["owner outside the group, status only", STATUS_ONLY, ["status"], true],
  ["owner outside the group, title", STATUS_ONLY, ["title"], false],
  ["owner outside the group, owner", STATUS_ONLY, ["ownerId"], false],
  ["owner outside the group, due date", STATUS_ONLY, ["dueDate"], false],
  ["owner outside the group, status + description", STATUS_ONLY, ["status", "description"], false],
  ["owner outside the group, nothing", STATUS_ONLY, [], false],
  ["reader, status only", READER, ["status"], false],
  ["reader, title", READER, ["title"], false],
  ["reader, status + title", READER, ["status", "title"], false],
  ["reader, nothing", READER, [], false],
];

describe("mayApplyActionUpdate: abilities × fields", () => {
  for (const [name, abilities, fields, expected] of fieldRows) {
    it(`${name} → ${expected}`, () => {
      expect(mayApplyActionUpdate(abilities, fields)).toBe(expected);
    });
  }

  it("lets the owner outside the group move the status of their own item, and nothing else", () => {
    const abilities = actionAbilities(ownerOutside, ownedBy(ownerOutside));
    expect(mayApplyActionUpdate(abilities, ["status"])).toBe(true);
    expect(mayApplyActionUpdate(abilities, ["status", "title"])).toBe(false);
    expect(mayApplyActionUpdate(actionAbilities(ownerOutside, ownedBySomeoneElse), ["status"])).toBe(false);
  });
});
