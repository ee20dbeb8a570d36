import type { SessionUser } from "../auth/session.ts";
import type { BoardItem } from "../db/actions.ts";
import type { ApprovalView } from "../db/approvals.ts";
import type { ActorStanding } from "../policies/actor.ts";
import type { TallyIncrement } from "./edit-stretches.ts";

/** What the room authorisation needs to know about a document. */
export interface DocumentFacts {
  forumId: string;
  groupId: string;
  archived: boolean;
}

/** A document as stored: its snapshot and the update log written after it, oldest first. */
export interface StoredDocument {
  title: string;
  snapshot: Uint8Array | null;
  updates: { id: number; data: Uint8Array }[];
  /** When each editor with changes not yet in a grouped notice last edited (optional: older stores have none). */
  editors?: { userId: string; lastEditAt: Date }[];
}

/** An action item anchored to a block of a document. */
export interface AnchoredItem {
  id: string;
  groupId: string;
  anchorBlockId: string;
  anchorMissing: boolean;
  /** The paragraph's text when the action was made from it, when known. */
  anchorText: string | null;
}

/**
 * Every read and write the realtime rooms make, in one place (Hocuspocus's onAuthenticate /
 * onLoadDocument / onStoreDocument data paths). One implementation per database; the rooms never
 * see SQL or Prisma.
 */
export interface RoomStore {
  /** The active user behind a session (authenticate). */
  sessionUser(userId: string): Promise<SessionUser | null>;
  /** The user's standing in a forum, or null when they are not a member (authorise). */
  standing(userId: string, forumId: string): Promise<ActorStanding | null>;
  documentFacts(documentId: string): Promise<DocumentFacts | null>;
  /** The forum of an active (not archived) group, or null. */
  boardFacts(groupId: string): Promise<{ forumId: string } | null>;

  /** Snapshot plus the log written after it (load). */
  loadDocument(documentId: string): Promise<StoredDocument>;
  /**
   * Appends one update row and returns its id; durable when it resolves (store). `tallies` (the
   * editors' new changes for the grouped change notices) are added in the same transaction.
   */
  appendUpdate(documentId: string, data: Uint8Array, tallies?: readonly TallyIncrement[]): Promise<number>;
  /** Ids of the log rows up to `upToUpdateId` (compaction checks it holds every one of them). */
  updateIds(documentId: string, upToUpdateId: number): Promise<number[]>;
  /**
   * Folds the stored snapshot and the stored log rows up to `upToUpdateId` into a new snapshot (and
   * excerpt) and deletes those rows, in one transaction; rows after it stay. Done by the store from
   * what is stored, off the caller's event loop. Resolves with the new snapshot's size, or with
   * `skipped` (and the stored size) when another holder of the document (an instance sharing the
   * database) kept it from compacting now: then nothing changed and the rows stay in the log.
   */
  compactDocument(documentId: string, upToUpdateId: number): Promise<{ bytes: number; skipped?: true }>;
  /** The room is gone: the store may drop what it kept to make the next compaction cheap. */
  forgetDocument?(documentId: string): Promise<void>;

  /** Hands a document's current plain text to the search index (its other fields come from the commands). */
  indexDocumentText(documentId: string, text: string): Promise<void>;

  anchoredItems(documentId: string): Promise<AnchoredItem[]>;
  /** The comment threads anchored in a document's text, and whether each is detached from it. */
  commentThreads(documentId: string): Promise<{ id: string; detached: boolean }[]>;
  setThreadsDetached(threadIds: readonly string[], detached: boolean): Promise<void>;
  setAnchorMissing(itemIds: readonly string[], missing: boolean): Promise<void>;

  /**
   * A group's open action items (what its live board room replicates; closed ones come with the
   * pages), and those closed since `closedSince` (the room tells its viewers they closed).
   */
  loadBoard(groupId: string, closedSince?: Date): Promise<BoardItem[]>;
  /** The approval requests about a group's documents, with their votes. */
  loadApprovals(groupId: string): Promise<ApprovalView[]>;

  close(): void;
}
