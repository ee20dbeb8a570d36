import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { commentAbilities, mayStartThread, threadAbilities, type ThreadAbilities, type ThreadFacts } from "./comment.ts";
import { GROUP, admin, adminInGroup, groupMember, otherGroupMember, projectLeader, steeringMember } from "./test-actors.ts";

// Reference: everyone who may read a document or action reads its threads, starts new ones and
// replies (a steering member too: comments go through the server, not the read-only socket).
// Archived documents take no new comments, replies, edits or resolutions. A resolved thread takes
// no replies until it is reopened. Resolving and reopening: the thread's opener, the owning
// group's leads and the project leader — not other members, not a forum ADMIN as such.
// Only the author edits or deletes a comment; a deleted comment is not edited again.

const LEAD = "u-lead";
const lead: ActorStanding = { userId: LEAD, role: "MEMBER", groupIds: [GROUP] };
const open: ThreadFacts = { groupId: GROUP, leadIds: [LEAD], targetReadable: true, targetArchived: false, createdById: steeringMember.userId, resolved: false };
const resolved: ThreadFacts = { ...open, resolved: true };
const archived: ThreadFacts = { ...open, targetArchived: true };
const unreadable: ThreadFacts = { ...open, targetReadable: false };

const rows: [string, ActorStanding, ThreadFacts, ThreadAbilities][] = [
  ["opener (steering member), open", steeringMember, open, { read: true, reply: true, resolve: true }],
  ["opener, resolved", steeringMember, resolved, { read: true, reply: false, resolve: true }],
  ["opener, archived document", steeringMember, archived, { read: true, reply: false, resolve: false }],
  ["lead of the owning group", lead, open, { read: true, reply: true, resolve: true }],
  ["project leader", projectLeader, open, { read: true, reply: true, resolve: true }],
  ["member of the owning group", groupMember, open, { read: true, reply: true, resolve: false }],
  ["member of another group", otherGroupMember, open, { read: true, reply: true, resolve: false }],
  ["forum ADMIN", admin, open, { read: true, reply: true, resolve: false }],
  ["ADMIN who is a member of the group", adminInGroup, open, { read: true, reply: true, resolve: false }],
  ["anyone, target not readable", projectLeader, unreadable, { read: false, reply: false, resolve: false }],
];

describe("thread abilities", () => {
  it.each(rows)("%s", (_name, actor, thread, expected) => {
    expect(threadAbilities(actor, thread)).toEqual(expected);
  });

  it("lets readers start threads, except on archived or unreadable targets", () => {
    expect(mayStartThread(open)).toBe(true);
    expect(mayStartThread(archived)).toBe(false);
    expect(mayStartThread(unreadable)).toBe(false);
  });
});

describe("comment abilities", () => {
  const mine = { authorId: groupMember.userId, deleted: false };
  it.each([
    ["author", groupMember, open, mine, { edit: true, delete: true }],
    ["author, deleted comment", groupMember, open, { ...mine, deleted: true }, { edit: false, delete: false }],
    ["author, archived document", groupMember, archived, mine, { edit: false, delete: false }],
    ["project leader, someone else's comment", projectLeader, open, mine, { edit: false, delete: false }],
    ["lead, someone else's comment", lead, open, mine, { edit: false, delete: false }],
  ] as const)("%s", (_name, actor, thread, comment, expected) => {
    expect(commentAbilities(actor, thread, comment)).toEqual(expected);
  });
});
