import type { CommentRow, ThreadRow, ThreadTarget } from "../db/comments.ts";
import type { ActorStanding } from "../policies/actor.ts";
import { commentAbilities, threadAbilities, type CommentAbilities, type ThreadAbilities, type ThreadFacts } from "../policies/comment.ts";

export interface CommentView {
  id: string;
  author: { id: string; name: string };
  /** Plain text (empty once deleted); links and mentions are found in it when shown. */
  body: string;
  /** The members it mentions (to highlight "@Name" in the text). */
  mentions: { id: string; name: string }[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  abilities: CommentAbilities;
}

export interface ThreadView {
  id: string;
  documentId: string | null;
  actionItemId: string | null;
  /** The passage as it read when the thread was opened. */
  quote: string;
  /** No text carries the thread's mark any more. */
  detached: boolean;
  resolved: boolean;
  resolvedAt: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  /** When something last happened in it (for sorting). */
  updatedAt: string;
  comments: CommentView[];
  abilities: ThreadAbilities;
}

const iso = (d: Date) => d.toISOString();

/** The facts the comment policy needs about one thread on a target the viewer may or may not read. */
export function threadFacts(target: ThreadTarget, thread: { createdById: string; resolvedAt: Date | null }, targetReadable: boolean): ThreadFacts {
  return {
    groupId: target.groupId,
    leadIds: target.leadIds,
    targetReadable,
    targetArchived: target.archived,
    createdById: thread.createdById,
    resolved: thread.resolvedAt !== null,
  };
}

function presentComment(viewer: ActorStanding, facts: ThreadFacts, c: CommentRow): CommentView {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    author: c.author,
    body: deleted ? "" : c.body,
    mentions: deleted ? [] : c.mentions.map((m) => m.user),
    createdAt: iso(c.createdAt),
    editedAt: c.editedAt ? iso(c.editedAt) : null,
    deleted,
    abilities: commentAbilities(viewer, facts, { authorId: c.author.id, deleted }),
  };
}

/** A thread as its viewer sees it, with what they may do with it and each comment. */
export function presentThread(viewer: ActorStanding, target: ThreadTarget, targetReadable: boolean, t: ThreadRow): ThreadView {
  const facts = threadFacts(target, t, targetReadable);
  return {
    id: t.id,
    documentId: t.documentId,
    actionItemId: t.actionItemId,
    quote: t.quote,
    detached: t.detachedAt !== null,
    resolved: t.resolvedAt !== null,
    resolvedAt: t.resolvedAt ? iso(t.resolvedAt) : null,
    createdBy: t.createdBy,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    comments: t.comments.map((c) => presentComment(viewer, facts, c)),
    abilities: threadAbilities(viewer, facts),
  };
}
