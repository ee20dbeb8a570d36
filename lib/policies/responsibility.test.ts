import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import type { ActionFacts } from "./action.ts";
import type { DocumentFacts } from "./document.ts";
import { accountableCount, maySetResponsibilities, ownerOf, withAccountable } from "./responsibility.ts";
import { GROUP, admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup } from "./test-actors.ts";

// Reference: one rule for RACI on action items and documents — those who work in the owning group
// (its members and the project leader). Owning an action does not give RACI; an archived document's
// RACI is frozen for everyone; a forum ADMIN sets RACI only as a member of the group.

const actors = [admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup];

type Subject = Parameters<typeof maySetResponsibilities>[1];
type State = "action, owner null" | "action, owner = actor" | "live document" | "archived document";
const liveDoc: DocumentFacts = { groupId: GROUP, archived: false };
const archivedDoc: DocumentFacts = { groupId: GROUP, archived: true };
const subject = (state: State, actor: ActorStanding): Subject => {
  const item = (ownerId: string | null): ActionFacts => ({ groupId: GROUP, ownerId });
  switch (state) {
    case "action, owner null": return { kind: "action", item: item(null) };
    case "action, owner = actor": return { kind: "action", item: item(actor.userId) };
    case "live document": return { kind: "document", doc: liveDoc };
    case "archived document": return { kind: "document", doc: archivedDoc };
  }
};

const rows: [string, ActorStanding, State, boolean][] = [
  ["forum ADMIN with no groups", admin, "action, owner null", false],
  ["forum ADMIN with no groups", admin, "action, owner = actor", false],
  ["forum ADMIN with no groups", admin, "live document", false],
  ["forum ADMIN with no groups", admin, "archived document", false],
  ["PROJECT_LEADER with no groups", projectLeader, "action, owner null", true],
  ["PROJECT_LEADER with no groups", projectLeader, "action, owner = actor", true],
  ["PROJECT_LEADER with no groups", projectLeader, "live document", true],
  ["PROJECT_LEADER with no groups", projectLeader, "archived document", false],
  ["member of the group", groupMember, "action, owner null", true],
  ["member of the group", groupMember, "action, owner = actor", true],
  ["member of the group", groupMember, "live document", true],
  ["member of the group", groupMember, "archived document", false],
  ["member of another group only (owner outside the group)", otherGroupMember, "action, owner null", false],
  ["member of another group only (owner outside the group)", otherGroupMember, "action, owner = actor", false],
  ["member of another group only (owner outside the group)", otherGroupMember, "live document", false],
  ["member of another group only (owner outside the group)", otherGroupMember, "archived document", false],
  ["steering-group member", steeringMember, "action, owner null", false],
  ["steering-group member", steeringMember, "action, owner = actor", false],
  ["steering-group member", steeringMember, "live document", false],
  ["steering-group member", steeringMember, "archived document", false],
  ["ADMIN who is a member of the group", adminInGroup, "action, owner null", true],
  ["ADMIN who is a member of the group", adminInGroup, "action, owner = actor", true],
  ["ADMIN who is a member of the group", adminInGroup, "live document", true],
  ["ADMIN who is a member of the group", adminInGroup, "archived document", false],
];

describe("maySetResponsibilities: every role × subject", () => {
  for (const [name, actor, state, expected] of rows) {
    it(`${name}, ${state} → ${expected}`, () => {
      expect(maySetResponsibilities(actor, subject(state, actor))).toBe(expected);
    });
  }

  it("covers every actor × subject", () => {
    for (const actor of actors) {
      for (const state of ["action, owner null", "action, owner = actor", "live document", "archived document"] as const) {
        expect(rows.filter(([, a, s]) => a === actor && s === state)).toHaveLength(1);
      }
    }
  });
});

// Reference: at most one Accountable per item; none is allowed (and flagged on screen).
const countRows: [string, { role: string }[], number][] = [
  ["no assignments", [], 0],
  ["only R, C and I", [{ role: "R" }, { role: "C" }, { role: "I" }], 0],
  ["one A", [{ role: "A" }], 1],
  ["one A among others", [{ role: "R" }, { role: "A" }, { role: "C" }, { role: "I" }], 1],
  ["two As", [{ role: "A" }, { role: "R" }, { role: "A" }], 2],
];

describe("accountableCount", () => {
  for (const [name, list, expected] of countRows) {
    it(`${name} → ${expected}`, () => {
      expect(accountableCount(list)).toBe(expected);
    });
  }
});

describe("owner and Accountable are one (withAccountable, ownerOf)", () => {
  const ole = { id: "ole00000", name: "Ole" };
  const marte = { id: "marte000", name: "Marte" };
  const grp = { id: "group000", name: "Gruppe" };
  const raci = [
    { role: "A" as const, user: ole, group: null },
    { role: "C" as const, user: marte, group: null },
    { role: "I" as const, user: null, group: grp },
  ];

  it("moves A to a person: the one before keeps R, the new one's old role is replaced, the owner follows", () => {
    const list = withAccountable(raci, { userId: marte.id });
    expect(list).toEqual([{ role: "R", userId: ole.id }, { role: "I", groupId: grp.id }, { role: "A", userId: marte.id }]);
    expect(accountableCount(list)).toBe(1);
    expect(ownerOf(list)).toBe(marte.id);
  });

  it("a whole group as A leaves the action without an owner (an owner is a person)", () => {
    const list = withAccountable(raci, { groupId: grp.id });
    expect(list.filter((a) => a.role === "A")).toEqual([{ role: "A", groupId: grp.id }]);
    expect(ownerOf(list)).toBeNull();
  });

  it("no Accountable: the one before keeps R, nobody owns it", () => {
    const list = withAccountable(raci, null);
    expect(accountableCount(list)).toBe(0);
    expect(list[0]).toEqual({ role: "R", userId: ole.id });
    expect(ownerOf(list)).toBeNull();
  });
});
