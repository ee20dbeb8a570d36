import { describe, expect, it } from "vitest";
import type { ActorStanding } from "../policies/actor.ts";
import { myRoles, type ActionView } from "./action.ts";

const me: ActorStanding = { userId: "me000000", role: "MEMBER", groupIds: ["grp00000"] };
const other = { id: "other000", name: "Ole" };
const item = (over: Partial<ActionView>): ActionView => ({
  id: "item0000", groupId: "grp00000", groupName: "Gruppe", title: "Tiltak", description: "", status: "OPEN", owner: null, dueDate: null,
  targetArea: null, anchor: null, raci: [], updatedAt: "2026-01-01T00:00:00.000Z", version: 1, comments: { threads: 0, lastAt: null }, ...over,
});

describe("myRoles (what puts an action on Mine tiltak)", () => {
  it("the owner, who is also the A, is one role", () => {
    expect(myRoles(me, item({ owner: { id: me.userId, name: "Meg" }, raci: [{ role: "A", user: { id: me.userId, name: "Meg" }, group: null }] }))).toEqual([{ role: "owner" }]);
  });
  it("Accountable or Responsible in person, without owning it", () => {
    expect(myRoles(me, item({ owner: other, raci: [{ role: "A", user: { id: me.userId, name: "Meg" }, group: null }] }))).toEqual([{ role: "A" }]);
    expect(myRoles(me, item({ owner: other, raci: [{ role: "R", user: { id: me.userId, name: "Meg" }, group: null }] }))).toEqual([{ role: "R" }]);
  });
  it("through a group the viewer is in, naming the group; not through other groups", () => {
    expect(myRoles(me, item({ raci: [{ role: "R", user: null, group: { id: "grp00000", name: "Prosjektgruppen" } }] }))).toEqual([{ role: "R", via: "Prosjektgruppen" }]);
    expect(myRoles(me, item({ raci: [{ role: "A", user: null, group: { id: "else0000", name: "Andre" } }] }))).toEqual([]);
  });
  it("C and I do not make an action one's own", () => {
    expect(myRoles(me, item({ raci: [{ role: "C", user: { id: me.userId, name: "Meg" }, group: null }, { role: "I", user: null, group: { id: "grp00000", name: "G" } }] }))).toEqual([]);
  });
});
