import { worksInGroup, type ActorStanding } from "./actor.ts";

export interface DocumentFacts {
  groupId: string;
  /** Archived documents are read-only for everyone. */
  archived: boolean;
}

export interface DocumentAbilities {
  read: boolean;
  /** Write the live text (decides the websocket's mode). */
  write: boolean;
  /** Rename and re-tag. */
  update: boolean;
  archive: boolean;
  restore: boolean;
  /** Set responsibilities (RACI) on the document. */
  setRaci: boolean;
  /** Make an action anchored to one of its paragraphs. */
  createAnchoredAction: boolean;
}

export function documentAbilities(actor: ActorStanding, doc: DocumentFacts): DocumentAbilities {
  const works = worksInGroup(actor, doc.groupId);
  const live = !doc.archived;
  return {
    read: true,
    write: works && live,
    update: works && live,
    archive: works && live,
    restore: works && doc.archived,
    setRaci: works && live,
    createAnchoredAction: works && live,
  };
}
