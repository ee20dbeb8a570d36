import { describe, expect, it } from "vitest";
import type { BoardItem } from "../db/actions.ts";
import { notificationsFor } from "./notify.ts";

const base: BoardItem = {
  id: "i1", groupId: "g1", groupName: "G", title: "Tiltak", description: "", status: "OPEN", owner: null, dueDate: null,
  targetArea: null, anchor: null, raci: [], updatedAt: "2026-01-01T00:00:00Z", version: 1, comments: { threads: 0, lastAt: null },
};
const user = (id: string) => ({ id, name: id });

describe("notificationsFor", () => {
  it("tells a new owner once, even when they are made Accountable in the same change", () => {
    const after = { ...base, owner: user("kari"), raci: [{ role: "A" as const, user: user("kari"), group: null }] };
    expect(notificationsFor("f", "lars", null, after).map((n) => [n.userId, n.type])).toEqual([["kari", "ASSIGNED"]]);
  });

  it("tells a new Accountable who is not the owner", () => {
    const before = { ...base, owner: user("kari") };
    const after = { ...before, raci: [{ role: "A" as const, user: user("ole"), group: null }] };
    expect(notificationsFor("f", "lars", before, after).map((n) => [n.userId, n.type])).toEqual([["ole", "ACCOUNTABLE"]]);
  });

  it("tells owner and Accountable about a status change, but never the one who made it", () => {
    const before = { ...base, owner: user("kari"), raci: [{ role: "A" as const, user: user("ole"), group: null }] };
    const after = { ...before, status: "DONE" as const };
    expect(notificationsFor("f", "lars", before, after).map((n) => [n.userId, n.type])).toEqual([["kari", "STATUS_CHANGED"], ["ole", "STATUS_CHANGED"]]);
    expect(notificationsFor("f", "kari", before, after).map((n) => n.userId)).toEqual(["ole"]);
  });

  it("keeps who did it on every notice, and the new status on a status change", () => {
    const before = { ...base, owner: user("kari") };
    const after = { ...before, status: "IN_PROGRESS" as const };
    expect(notificationsFor("f", "lars", before, after).map((n) => [n.actorId, n.detail])).toEqual([["lars", JSON.stringify({ status: "IN_PROGRESS" })]]);
    expect(notificationsFor("f", "lars", null, after).map((n) => [n.type, n.actorId, n.detail])).toEqual([["ASSIGNED", "lars", undefined]]);
  });
});
