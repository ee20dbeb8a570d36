import { describe, expect, it } from "vitest";
import type { ActorStanding } from "./actor.ts";
import { documentAbilities, documentFacts, mayApplyDocumentUpdate, type DocumentAbilities, type DocumentFacts } from "./document.ts";
import { GROUP, admin, projectLeader, groupMember, otherGroupMember, steeringMember, adminInGroup, groupLead, otherGroupLead } from "./test-actors.ts";

// Reference: every member of the forum reads every document. The owning group's members and the
// project leader write, rename/re-tag, set RACI and anchor actions — on live documents only.
// Archiving and restoring are for those who keep the group's documents: the group's leads and the
// project leader (a plain member, a lead of another group and an administrator may not).
// Archived documents are read-only for everyone.
// A forum ADMIN is not a writer unless they are a member of the group; steering members only read.
// Versions: those who work in the group save named versions (an archived document's text can still
// be frozen, it does not change it); restoring a version edits the live text, so only while live.
// Everyone in the forum reads and compares versions (read).

const live: DocumentFacts = { groupId: GROUP, archived: false };
const archived: DocumentFacts = { groupId: GROUP, archived: true };

/** Leads of the group and the project leader: write, and archive. */
const KEEPER_LIVE: DocumentAbilities = {
  read: true, write: true, update: true, archive: true, restore: false, setRaci: true, createAnchoredAction: true,
  createVersion: true, restoreVersion: true,
};
const KEEPER_ARCHIVED: DocumentAbilities = {
  read: true, write: false, update: false, archive: false, restore: true, setRaci: false, createAnchoredAction: false,
  createVersion: true, restoreVersion: false,
};
/** Plain members of the group: write, but neither archive nor restore. */
const WRITER_LIVE: DocumentAbilities = { ...KEEPER_LIVE, archive: false };
const WRITER_ARCHIVED: DocumentAbilities = { ...KEEPER_ARCHIVED, restore: false };
const READER: DocumentAbilities = {
  read: true, write: false, update: false, archive: false, restore: false, setRaci: false, createAnchoredAction: false,
  createVersion: false, restoreVersion: false,
};

const rows: [string, ActorStanding, DocumentFacts, DocumentAbilities][] = [
  ["forum ADMIN with no groups, live", admin, live, READER],
  ["forum ADMIN with no groups, archived", admin, archived, READER],
  ["PROJECT_LEADER with no groups, live", projectLeader, live, KEEPER_LIVE],
  ["PROJECT_LEADER with no groups, archived", projectLeader, archived, KEEPER_ARCHIVED],
  ["lead of the document's group, live", groupLead, live, KEEPER_LIVE],
  ["lead of the document's group, archived", groupLead, archived, KEEPER_ARCHIVED],
  ["lead of another group only, live", otherGroupLead, live, READER],
  ["lead of another group only, archived", otherGroupLead, archived, READER],
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
      expect([a.write, a.update, a.archive, a.setRaci, a.createAnchoredAction, a.restoreVersion]).toEqual([false, false, false, false, false, false]);
    }
  });

  it("covers every actor × state", () => {
    for (const actor of [admin, projectLeader, groupMember, groupLead, otherGroupLead, otherGroupMember, steeringMember, adminInGroup]) {
      for (const doc of [live, archived]) {
        expect(rows.filter(([, a, d]) => a === actor && d === doc)).toHaveLength(1);
      }
    }
  });
});

describe("mayApplyDocumentUpdate: what a metadata change needs", () => {
  const change = (archived: boolean | undefined, fields: string[] = []) => ({ archived, fields });
  const rows: [string, DocumentAbilities, DocumentFacts, { archived?: boolean; fields: string[] }, boolean][] = [
    ["writer renames a live document", WRITER_LIVE, live, change(undefined, ["title"]), true],
    ["writer (not a lead) archives a live document", WRITER_LIVE, live, change(true), false],
    ["writer (not a lead) restores an archived document", WRITER_ARCHIVED, archived, change(false), false],
    ["keeper archives a live document", KEEPER_LIVE, live, change(true), true],
    ["keeper restores an archived document", KEEPER_ARCHIVED, archived, change(false), true],
    ["keeper restores and renames at once", KEEPER_ARCHIVED, archived, change(false, ["title"]), true],
    ["keeper renames an archived document without restoring it", KEEPER_ARCHIVED, archived, change(undefined, ["title"]), false],
    ["keeper archives an already archived document (no change)", KEEPER_ARCHIVED, archived, change(true), true],
    ["reader renames", READER, live, change(undefined, ["title"]), false],
    ["reader archives", READER, live, change(true), false],
    ["reader restores", READER, archived, change(false), false],
    ["reader asks for the state it is already in", READER, live, change(false), false],
  ];
  it.each(rows)("%s", (_name, abilities, doc, c, expected) => {
    expect(mayApplyDocumentUpdate(abilities, doc, c)).toBe(expected);
  });

  it("reads the facts from a row", () => {
    expect(documentFacts({ groupId: GROUP, archivedAt: null })).toEqual(live);
    expect(documentFacts({ groupId: GROUP, archivedAt: new Date() })).toEqual(archived);
  });
});
