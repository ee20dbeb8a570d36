import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import type { DocumentFacts } from "./document.ts";
import { isFollowing, mayFollowDocument } from "./follow.ts";
import { GROUP, admin, adminInGroup, groupMember, otherGroupMember, projectLeader, steeringMember } from "./test-actors.ts";

// Reference: anyone who reads a document (every forum member) may follow or unfollow it, live or
// archived. With no explicit choice the owning group's members follow; the project leader, the
// steering group, administrators and other groups do not. An explicit choice always wins.

const live: DocumentFacts = { groupId: GROUP, archived: false };
const archived: DocumentFacts = { groupId: GROUP, archived: true };

//            name, actor, default (no choice)
const actors: [string, ActorStanding, boolean][] = [
  ["forum ADMIN with no groups", admin, false],
  ["PROJECT_LEADER with no groups", projectLeader, false],
  ["member of the document's group", groupMember, true],
  ["member of another group only", otherGroupMember, false],
  ["steering-group member", steeringMember, false],
  ["ADMIN who is a member of the document's group", adminInGroup, true],
];

const rows: [string, ActorStanding, DocumentFacts, boolean | null, boolean][] = actors.flatMap(([name, actor, byDefault]) =>
  [live, archived].flatMap((doc) => [
    [`${name}, ${doc.archived ? "archived" : "live"}, no choice`, actor, doc, null, byDefault] as [string, ActorStanding, DocumentFacts, boolean | null, boolean],
    [`${name}, ${doc.archived ? "archived" : "live"}, opted in`, actor, doc, true, true] as [string, ActorStanding, DocumentFacts, boolean | null, boolean],
    [`${name}, ${doc.archived ? "archived" : "live"}, opted out`, actor, doc, false, false] as [string, ActorStanding, DocumentFacts, boolean | null, boolean],
  ]),
);

describe("isFollowing: every role × live/archived × no choice/opted in/opted out", () => {
  it.each(rows)("%s", (_name, actor, doc, choice, expected) => {
    expect(isFollowing(actor, doc, choice)).toBe(expected);
  });

  it("has 36 rows: 6 actors × 2 states × 3 choices", () => {
    expect(rows).toHaveLength(36);
  });
});

describe("mayFollowDocument: who reads may follow", () => {
  it.each(actors)("%s", (_name, actor) => {
    expect(mayFollowDocument(actor, live)).toBe(true);
    expect(mayFollowDocument(actor, archived)).toBe(true);
  });
});
