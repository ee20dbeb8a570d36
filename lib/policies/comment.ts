import type { ActorStanding } from "./actor.ts";

/** What the comment policy looks at about a thread and what it is about (a document or an action). */
export interface ThreadFacts {
  /** The group that owns the document or action. */
  groupId: string;
  /** Leads of that group (read by the query, so the rule needs no role lookups). */
  leadIds: readonly string[];
  /** The document or action may be read by the actor (asked of its own policy). */
  targetReadable: boolean;
  /** The document is archived (read-only for everyone); actions are never frozen for comments. */
  targetArchived: boolean;
  createdById: string;
  resolved: boolean;
}

export interface ThreadAbilities {
  read: boolean;
  reply: boolean;
  /** Resolve an open thread or reopen a resolved one. */
  resolve: boolean;
}

export interface CommentAbilities {
  edit: boolean;
  delete: boolean;
}

/** Who may start a thread: everyone who may read the document or action, while it is not archived. */
export function mayStartThread(target: Pick<ThreadFacts, "targetReadable" | "targetArchived">): boolean {
  return target.targetReadable && !target.targetArchived;
}

/**
 * Everyone who reads the document or action reads and answers its threads (steering members too,
 * though their document socket is read-only). A thread is resolved or reopened by whoever opened it
 * (the question was theirs), the owning group's leads and the project leader.
 */
export function threadAbilities(actor: ActorStanding, thread: ThreadFacts): ThreadAbilities {
  const read = thread.targetReadable;
  const live = read && !thread.targetArchived;
  const steers = actor.role === "PROJECT_LEADER" || thread.leadIds.includes(actor.userId) || thread.createdById === actor.userId;
  return { read, reply: live && !thread.resolved, resolve: live && steers };
}

/** Only its author edits or deletes a comment, while the conversation can still change. */
export function commentAbilities(actor: ActorStanding, thread: ThreadFacts, comment: { authorId: string; deleted: boolean }): CommentAbilities {
  const own = thread.targetReadable && !thread.targetArchived && !comment.deleted && comment.authorId === actor.userId;
  return { edit: own, delete: own };
}
