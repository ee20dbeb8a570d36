import type { ActorStanding } from "../policies/actor.ts";
import { documentAbilities, documentFacts, type DocumentAbilities } from "../policies/document.ts";

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
}

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

/** A document's metadata with what the viewer may do with it (API JSON and page props). */
export function presentDocument(viewer: ActorStanding, d: DocumentMeta): DocumentView {
  const facts = documentFacts(d);
  const archived = facts.archived;
  return {
    id: d.id, groupId: d.groupId, kind: d.kind, title: d.title, status: d.status, archived,
    updatedAt: iso(d.updatedAt), version: d.version, targetAreas: d.targetAreas,
    abilities: documentAbilities(viewer, facts),
  };
}
