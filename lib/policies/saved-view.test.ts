import { describe, expect, it } from "vitest";
import { mayKeepViewsOf, savedViewAbilities } from "./saved-view.ts";
import { admin, GROUP, groupMember, otherGroupMember, projectLeader } from "./test-actors.ts";

describe("saved views", () => {
  it("are their owner's alone: nobody else lists or deletes them, not even an administrator", () => {
    expect(savedViewAbilities(groupMember, { userId: groupMember.userId })).toEqual({ read: true, delete: true });
    for (const actor of [admin, projectLeader, otherGroupMember]) expect(savedViewAbilities(actor, { userId: groupMember.userId })).toEqual({ read: false, delete: false });
  });

  it("may be kept of the overview and of any group's board by every member of the forum (all read them)", () => {
    for (const actor of [admin, projectLeader, groupMember, otherGroupMember]) {
      expect(mayKeepViewsOf(actor, { kind: "overview" })).toBe(true);
      expect(mayKeepViewsOf(actor, { kind: "group", groupId: GROUP })).toBe(true);
    }
  });
});
