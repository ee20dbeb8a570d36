import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { erasureRefusal, leavesNoAdministrator, userAbilities, type UserAbilities } from "./user.ts";
import { admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup } from "./test-actors.ts";

// Reference: only forum administrators set roles and reset passwords; a reset is refused when the
// target user is in more than one forum (an admin of one forum must not take over the account).

type Target = { forumCount: number };
const inOneForum: Target = { forumCount: 1 };
const inTwoForums: Target = { forumCount: 2 };

const FULL: UserAbilities = { setRole: true, resetPassword: true };
const ROLE_ONLY: UserAbilities = { setRole: true, resetPassword: false };
const NOTHING: UserAbilities = { setRole: false, resetPassword: false };

const rows: [string, ActorStanding, Target, UserAbilities][] = [
  ["forum ADMIN with no groups, target in 1 forum", admin, inOneForum, FULL],
  ["forum ADMIN with no groups, target in 2 forums", admin, inTwoForums, ROLE_ONLY],
  ["PROJECT_LEADER, target in 1 forum", projectLeader, inOneForum, NOTHING],
  ["PROJECT_LEADER, target in 2 forums", projectLeader, inTwoForums, NOTHING],
  ["member of a competence group, target in 1 forum", groupMember, inOneForum, NOTHING],
  ["member of a competence group, target in 2 forums", groupMember, inTwoForums, NOTHING],
  ["member of another group only, target in 1 forum", otherGroupMember, inOneForum, NOTHING],
  ["member of another group only, target in 2 forums", otherGroupMember, inTwoForums, NOTHING],
  ["steering-group member, target in 1 forum", steeringMember, inOneForum, NOTHING],
  ["steering-group member, target in 2 forums", steeringMember, inTwoForums, NOTHING],
  ["ADMIN who is also a group member, target in 1 forum", adminInGroup, inOneForum, FULL],
  ["ADMIN who is also a group member, target in 2 forums", adminInGroup, inTwoForums, ROLE_ONLY],
];

describe("userAbilities: every role × target forum count", () => {
  it.each(rows)("%s", (_name, actor, target, expected) => {
    expect(userAbilities(actor, target)).toEqual(expected);
  });

  it("covers every actor × state", () => {
    for (const actor of [admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup]) {
      for (const target of [inOneForum, inTwoForums]) {
        expect(rows.filter(([, a, t]) => a === actor && t === target)).toHaveLength(1);
      }
    }
  });
});

// Reference: the forum keeps at least one ADMIN — only demoting the last ADMIN is refused.
type Change = { fromRole: string; toRole: string; adminsBefore: number };
const changeRows: [string, Change, boolean][] = [
  ["last ADMIN → MEMBER", { fromRole: "ADMIN", toRole: "MEMBER", adminsBefore: 1 }, true],
  ["last ADMIN → PROJECT_LEADER", { fromRole: "ADMIN", toRole: "PROJECT_LEADER", adminsBefore: 1 }, true],
  ["last ADMIN → ADMIN (no change)", { fromRole: "ADMIN", toRole: "ADMIN", adminsBefore: 1 }, false],
  ["one of two ADMINs → MEMBER", { fromRole: "ADMIN", toRole: "MEMBER", adminsBefore: 2 }, false],
  ["one of three ADMINs → PROJECT_LEADER", { fromRole: "ADMIN", toRole: "PROJECT_LEADER", adminsBefore: 3 }, false],
  ["MEMBER → PROJECT_LEADER with one ADMIN", { fromRole: "MEMBER", toRole: "PROJECT_LEADER", adminsBefore: 1 }, false],
  ["PROJECT_LEADER → MEMBER with one ADMIN", { fromRole: "PROJECT_LEADER", toRole: "MEMBER", adminsBefore: 1 }, false],
  ["MEMBER → ADMIN with one ADMIN", { fromRole: "MEMBER", toRole: "ADMIN", adminsBefore: 1 }, false],
];

describe("leavesNoAdministrator", () => {
  for (const [name, change, expected] of changeRows) {
    it(`${name} → ${expected}`, () => {
      expect(leavesNoAdministrator(change)).toBe(expected);
    });
  }
});

describe("erasure of a person (GDPR art. 17)", () => {
  const person = { id: "u-person", erased: false, memberHere: true, onlyAdminOfForums: 0 };
  it("only a forum administrator erases, a member of this forum who is not erased yet", () => {
    expect(erasureRefusal(admin, person)).toBeNull();
    expect(erasureRefusal(adminInGroup, person)).toBeNull();
    for (const other of [projectLeader, groupMember, otherGroupMember, steeringMember]) expect(erasureRefusal(other, person)).toBe("forbidden");
    expect(erasureRefusal(admin, { ...person, memberHere: false })).toBe("forbidden");
    expect(erasureRefusal(admin, { ...person, erased: true, memberHere: false })).toBe("errors.alreadyErased");
    expect(erasureRefusal(projectLeader, { ...person, erased: true })).toBe("forbidden");
  });
  it("never oneself, never a forum's only administrator", () => {
    expect(erasureRefusal(admin, { ...person, id: admin.userId })).toBe("errors.eraseSelf");
    expect(erasureRefusal(admin, { ...person, onlyAdminOfForums: 1 })).toBe("errors.eraseLastAdmin");
  });
});
