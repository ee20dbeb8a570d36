import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { groupAbilities, mayLeaveGroupWithoutLead, type GroupAbilities } from "./group.ts";
import { GROUP, admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup, groupLead, otherGroupLead } from "./test-actors.ts";

// Reference: the group's members and the project leader create documents and actions and set RACI
// on the group's recommendations. Only forum administrators administer the group (rename, mandate).
// Members (add, remove, lead role) are managed by the group's own leads and the administrators; not
// by the project leader, plain members, or leads of other groups. An ADMIN is not a writer of the group's content unless they are a member.
// Steering members and members of other groups only read. An archived group is frozen: nobody
// writes to it and nobody administers it (archived groups are not served at all).

type GroupFacts = { id: string; archived?: boolean };
const active: GroupFacts = { id: GROUP, archived: false };
/** What callers pass today: no archived flag at all means active. */
const activeImplicit: GroupFacts = { id: GROUP };
const archived: GroupFacts = { id: GROUP, archived: true };

const NOTHING: GroupAbilities = { createDocument: false, createAction: false, setDocumentRaci: false, administer: false, manageMembers: false };
const WRITER: GroupAbilities = { createDocument: true, createAction: true, setDocumentRaci: true, administer: false, manageMembers: false };
const LEAD: GroupAbilities = { ...WRITER, manageMembers: true };
const ADMINISTRATOR: GroupAbilities = { createDocument: false, createAction: false, setDocumentRaci: false, administer: true, manageMembers: true };
const WRITER_AND_ADMINISTRATOR: GroupAbilities = { createDocument: true, createAction: true, setDocumentRaci: true, administer: true, manageMembers: true };

const rows: [string, ActorStanding, GroupFacts, GroupAbilities][] = [
  ["forum ADMIN with no groups, active", admin, active, ADMINISTRATOR],
  ["forum ADMIN with no groups, active (flag omitted)", admin, activeImplicit, ADMINISTRATOR],
  ["forum ADMIN with no groups, archived", admin, archived, NOTHING],
  ["PROJECT_LEADER with no groups, active", projectLeader, active, WRITER],
  ["PROJECT_LEADER with no groups, active (flag omitted)", projectLeader, activeImplicit, WRITER],
  ["PROJECT_LEADER with no groups, archived", projectLeader, archived, NOTHING],
  ["member of the group, active", groupMember, active, WRITER],
  ["member of the group, active (flag omitted)", groupMember, activeImplicit, WRITER],
  ["member of the group, archived", groupMember, archived, NOTHING],
  ["lead of the group, active", groupLead, active, LEAD],
  ["lead of the group, active (flag omitted)", groupLead, activeImplicit, LEAD],
  ["lead of the group, archived", groupLead, archived, NOTHING],
  ["lead of another group only, active", otherGroupLead, active, NOTHING],
  ["lead of another group only, active (flag omitted)", otherGroupLead, activeImplicit, NOTHING],
  ["lead of another group only, archived", otherGroupLead, archived, NOTHING],
  ["member of another group only, active", otherGroupMember, active, NOTHING],
  ["member of another group only, active (flag omitted)", otherGroupMember, activeImplicit, NOTHING],
  ["member of another group only, archived", otherGroupMember, archived, NOTHING],
  ["steering-group member, active", steeringMember, active, NOTHING],
  ["steering-group member, active (flag omitted)", steeringMember, activeImplicit, NOTHING],
  ["steering-group member, archived", steeringMember, archived, NOTHING],
  ["ADMIN who is a member of the group, active", adminInGroup, active, WRITER_AND_ADMINISTRATOR],
  ["ADMIN who is a member of the group, active (flag omitted)", adminInGroup, activeImplicit, WRITER_AND_ADMINISTRATOR],
  ["ADMIN who is a member of the group, archived", adminInGroup, archived, NOTHING],
];

describe("groupAbilities: every role × active/archived", () => {
  it.each(rows)("%s", (_name, actor, group, expected) => {
    expect(groupAbilities(actor, group)).toEqual(expected);
  });

  it("covers every actor × state", () => {
    for (const actor of [admin, projectLeader, groupMember, groupLead, otherGroupLead, otherGroupMember, steeringMember, adminInGroup]) {
      for (const group of [active, activeImplicit, archived]) {
        expect(rows.filter(([, a, g]) => a === actor && g === group)).toHaveLength(1);
      }
    }
  });
});

describe("mayLeaveGroupWithoutLead: removing or demoting the last lead", () => {
  it.each([
    ["forum ADMIN", admin, true],
    ["ADMIN who is a member of the group", adminInGroup, true],
    ["lead of the group", groupLead, false],
    ["PROJECT_LEADER", projectLeader, false],
    ["member of the group", groupMember, false],
  ] as const)("%s", (_name, actor, expected) => {
    expect(mayLeaveGroupWithoutLead(actor)).toBe(expected);
  });
});
