import { describe, expect, it } from "vitest";
import type { ForumAccess } from "../db/forums.ts";
import { canAdministerForum, canEditGroupContent } from "./permissions.ts";

const access = (role: ForumAccess["role"], groupIds: string[] = []): ForumAccess => ({
  userId: "u1",
  forum: { id: "f1", slug: "f", name: "F", description: "" },
  role,
  groupIds,
  groupKinds: [],
});

describe("permissions", () => {
  it("only administrators administer the forum", () => {
    expect(canAdministerForum(access("ADMIN"))).toBe(true);
    expect(canAdministerForum(access("PROJECT_LEADER"))).toBe(false);
    expect(canAdministerForum(access("MEMBER", ["g1"]))).toBe(false);
  });

  it("group members and the project leader edit a group's content; others do not", () => {
    expect(canEditGroupContent(access("MEMBER", ["g1"]), "g1")).toBe(true);
    expect(canEditGroupContent(access("MEMBER", ["g2"]), "g1")).toBe(false);
    expect(canEditGroupContent(access("PROJECT_LEADER"), "g1")).toBe(true);
    expect(canEditGroupContent(access("ADMIN"), "g1")).toBe(false);
  });
});
