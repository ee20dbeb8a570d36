import { leadsGroup, worksInGroup, type ActorStanding } from "./actor.ts";

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
  /** Save a named version (a frozen, immutable copy of the stored text). */
  createVersion: boolean;
  /** Bring an earlier version's text back as a new edit of the live text (never rewriting history). */
  restoreVersion: boolean;
}

/** The facts the document policy looks at, from a row (archived = has an archive date). */
export function documentFacts(doc: { groupId: string; archivedAt: Date | string | null }): DocumentFacts {
  return { groupId: doc.groupId, archived: doc.archivedAt !== null };
}

/**
 * Whether a metadata change is allowed: archiving needs `archive`, restoring `restore`, renaming
 * and re-tagging `update` (or come with a restore); asking for the state it is already in is
 * allowed to those who may change it at all.
 */
export function mayApplyDocumentUpdate(abilities: DocumentAbilities, doc: DocumentFacts, change: { archived?: boolean; fields: readonly string[] }): boolean {
  const archiving = change.archived === true && !doc.archived;
  const restoring = change.archived === false && doc.archived;
  const editing = change.fields.length > 0;
  return (
    (abilities.update || abilities.restore) &&
    (!archiving || abilities.archive) &&
    (!restoring || abilities.restore) &&
    (!editing || abilities.update || restoring)
  );
}

/**
 * Who keeps the group's documents: its leads and the project leader. They archive (which takes a
 * document out of the group's list and of search, read-only for all) and restore from the archive;
 * a member writes but cannot make a document disappear for everyone.
 */
export function keepsGroupDocuments(actor: ActorStanding, groupId: string): boolean {
  return actor.role === "PROJECT_LEADER" || leadsGroup(actor, groupId);
}

export function documentAbilities(actor: ActorStanding, doc: DocumentFacts): DocumentAbilities {
  const works = worksInGroup(actor, doc.groupId);
  const keeps = keepsGroupDocuments(actor, doc.groupId);
  const live = !doc.archived;
  return {
    read: true,
    write: works && live,
    update: works && live,
    archive: keeps && live,
    restore: keeps && doc.archived,
    setRaci: works && live,
    createAnchoredAction: works && live,
    createVersion: works,
    restoreVersion: works && live,
  };
}
