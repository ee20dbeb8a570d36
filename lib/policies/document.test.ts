import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { documentAbilities, type DocumentAbilities, type DocumentFacts } from "./document.ts";
import { GROUP, admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup } from "./test-actors.ts";

// Reference: every member of the forum reads every document. The owning group's members and the
// project leader write, rename/re-tag, archive, set RACI and anchor actions — on live documents only.
// Archived documents are read-only for everyone; those who work in the group may restore them.
// A forum ADMIN is not a writer unless they are a member of the group; steering members only read.

const live: DocumentFacts = { groupId: GROUP, archived: false };
const archived: DocumentFacts = { groupId: GROUP, archived: true };

const WRITER_LIVE: DocumentAbilities = {
  read: true, write: true, update: true, archive: true, restore: false, setRaci: true, createAnchoredAction: true,
};
const WRITER_ARCHIVED: DocumentAbilities = {
  read: true, write: false, update: false, archive: false, restore: true, setRaci: false, createAnchoredAction: false,
};
const READER: DocumentAbilities = {
  read: true, write: false, update: false, archive: false, restore: false, setRaci: false, createAnchoredAction: false,
};

const rows: [string, ActorStanding, DocumentFacts, DocumentAbilities][] = [
  ["forum ADMIN with no groups, live", admin, live, READER],
  ["forum ADMIN with no groups, archived", admin, archived, READER],
  ["PROJECT_LEADER with no groups, live", projectLeader, live, WRITER_LIVE],
  ["PROJECT_LEADER with no groups, archived", projectLeader, archived, WRITER_ARCHIVED],
  ["member of the document's group, live", groupMember, live, WRITER_LIVE],
  ["member of the document's group, archived", groupMember, archived, WRITER_ARCHIVED],
  ["member of another group only, live", otherGroupMember, live, READER],
  ["member of another group only, archived", otherGroupMember, archived, READER],
  ["steering-group member, live", steeringMember, live, READER],
  ["steering-group member, archived", steeringMember, archived, READER],
  ["ADMIN who is a member of the document's group, live", adminInGroup, live, WRITER_LIVE],
  ["ADMIN who is a member of the document's group, archived", adminInGroup, archived, WRITER_ARCHIVED],
];

describe("documentAbilities: every role × live/archived", () => {
  it.each(rows)("%s", (_name, actor, doc, expected) => {
    expect(documentAbilities(actor, doc)).toEqual(expected);
  });

  it("never lets anyone change an archived document's content", () => {
    for (const [, actor] of rows) {
      const a = documentAbilities(actor, archived);
      expect([a.write, a.update, a.archive, a.setRaci, a.createAnchoredAction]).toEqual([false, false, false, false, false]);
    }
  });

  it("covers every actor × state", () => {
    for (const actor of [admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup]) {
      for (const doc of [live, archived]) {
        expect(rows.filter(([, a, d]) => a === actor && d === doc)).toHaveLength(1);
      }
    }
  });
});
