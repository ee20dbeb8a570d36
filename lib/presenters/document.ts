import type { ActorStanding } from "../policies/actor.ts";
import { documentAbilities, documentFacts, type DocumentAbilities } from "../policies/document.ts";
import { isFollowing, mayFollowDocument } from "../policies/follow.ts";

interface DocumentMeta {
  id: string;
  groupId: string;
  kind: string;
  title: string;
  status: string;
  archivedAt: Date | string | null;
  updatedAt: Date | string;
  version: number;
  targetAreas: { id: string; name: string }[];
}

export interface DocumentView {
  id: string;
  groupId: string;
  kind: string;
  title: string;
  status: string;
  archived: boolean;
  updatedAt: string;
  version: number;
  targetAreas: { id: string; name: string }[];
  abilities: DocumentAbilities;
  /** Whether the viewer follows the document (change notices and new comment threads), and may change that. */
  follow: { following: boolean; allowed: boolean };
}

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

/**
 * A document's metadata with what the viewer may do with it (API JSON and page props).
 * `followChoice` is the viewer's explicit follow choice (null: none, the default holds).
 */
export function presentDocument(viewer: ActorStanding, d: DocumentMeta, followChoice: boolean | null = null): DocumentView {
  const facts = documentFacts(d);
  const archived = facts.archived;
  return {
    id: d.id, groupId: d.groupId, kind: d.kind, title: d.title, status: d.status, archived,
    updatedAt: iso(d.updatedAt), version: d.version, targetAreas: d.targetAreas,
    abilities: documentAbilities(viewer, facts),
    follow: { following: isFollowing(viewer, facts, followChoice), allowed: mayFollowDocument(viewer, facts) },
  };
}
