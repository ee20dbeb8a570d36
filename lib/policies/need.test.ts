import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { mayCreateNeedIn, mayLinkNeed, mayManageRegions, mayUndoImport, needAbilities, type NeedAbilities, type NeedFacts } from "./need.ts";
import { GROUP, OTHER, admin, adminInGroup, groupMember, otherGroupMember, projectLeader, steeringMember } from "./test-actors.ts";

// Reference: the whole forum reads the needs register. The owning group's members and the project
// leader edit, archive, restore and link a need; archived needs are read-only until restored. A forum
// ADMIN keeps needs only as a member of the group. Those who may change a recommendation or action
// may link it to any live need. Imports are undone once, by whoever ran them or the group's workers.
// Regions: administrators and the project leader.

const live: NeedFacts = { groupId: GROUP, archived: false };
const archived: NeedFacts = { groupId: GROUP, archived: true };
const KEEPER: NeedAbilities = { read: true, update: true, archive: true, restore: false, link: true };
const KEEPER_ARCHIVED: NeedAbilities = { read: true, update: false, archive: false, restore: true, link: false };
const READER: NeedAbilities = { read: true, update: false, archive: false, restore: false, link: false };

const rows: [string, ActorStanding, NeedFacts, NeedAbilities][] = [
  ["member of the owning group", groupMember, live, KEEPER],
  ["member of the owning group, archived", groupMember, archived, KEEPER_ARCHIVED],
  ["project leader", projectLeader, live, KEEPER],
  ["project leader, archived", projectLeader, archived, KEEPER_ARCHIVED],
  ["member of another group", otherGroupMember, live, READER],
  ["steering member", steeringMember, live, READER],
  ["forum ADMIN", admin, live, READER],
  ["ADMIN who is in the group", adminInGroup, live, KEEPER],
];

describe("need abilities", () => {
  it.each(rows)("%s", (_name, actor, need, expected) => {
    expect(needAbilities(actor, need)).toEqual(expected);
  });

  it("adds needs to the groups one works in", () => {
    expect(mayCreateNeedIn(groupMember, GROUP)).toBe(true);
    expect(mayCreateNeedIn(groupMember, OTHER)).toBe(false);
    expect(mayCreateNeedIn(projectLeader, OTHER)).toBe(true);
    expect(mayCreateNeedIn(steeringMember, GROUP)).toBe(false);
  });

  it("links a need from a recommendation or action one may change, never an archived need", () => {
    expect(mayLinkNeed(otherGroupMember, live, true)).toBe(true);
    expect(mayLinkNeed(otherGroupMember, live, false)).toBe(false);
    expect(mayLinkNeed(groupMember, live, false)).toBe(true);
    expect(mayLinkNeed(groupMember, archived, true)).toBe(false);
  });

  it("undoes an import once, by its author or the group's workers", () => {
    const batch = { groupId: GROUP, createdById: otherGroupMember.userId, undone: false };
    expect(mayUndoImport(otherGroupMember, batch)).toBe(true);
    expect(mayUndoImport(groupMember, batch)).toBe(true);
    expect(mayUndoImport(steeringMember, batch)).toBe(false);
    expect(mayUndoImport(groupMember, { ...batch, undone: true })).toBe(false);
  });

  it("keeps regions for administrators and the project leader", () => {
    expect([admin, projectLeader, groupMember, steeringMember].map(mayManageRegions)).toEqual([true, true, false, false]);
  });
});
