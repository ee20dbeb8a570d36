import type { DbClient } from "./types.ts";

// Comment threads and their comments: the rows behind the comment marks of documents and the
// conversations on action items.

/** What a thread is about, with what the comment policy needs to know of it. */
export interface ThreadTarget {
  kind: "document" | "action";
  id: string;
  forumId: string;
  groupId: string;
  title: string;
  /** Archived documents take no new comments (actions never are). */
  archived: boolean;
  /** For the document policy's read rule. */
  archivedAt: Date | null;
  leadIds: string[];
}

async function leadsOf(tx: DbClient, groupId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { groupId, role: "LEAD" }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** A document or action as the target of a thread, or null when it does not exist. */
export async function findThreadTarget(tx: DbClient, target: { documentId: string } | { actionItemId: string }): Promise<ThreadTarget | null> {
  if ("documentId" in target) {
    const doc = await tx.document.findUnique({ where: { id: target.documentId }, select: { id: true, forumId: true, groupId: true, title: true, archivedAt: true } });
    return doc ? { kind: "document", ...doc, archived: doc.archivedAt !== null, leadIds: await leadsOf(tx, doc.groupId) } : null;
  }
  const item = await tx.actionItem.findUnique({ where: { id: target.actionItemId }, select: { id: true, forumId: true, groupId: true, title: true } });
  return item ? { kind: "action", ...item, archived: false, archivedAt: null, leadIds: await leadsOf(tx, item.groupId) } : null;
}

const commentSelect = {
  id: true,
  threadId: true,
  body: true,
  editedAt: true,
  deletedAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  mentions: { select: { user: { select: { id: true, name: true } } } },
} as const;

const threadSelect = {
  id: true,
  forumId: true,
  documentId: true,
  actionItemId: true,
  quote: true,
  detachedAt: true,
  resolvedAt: true,
  resolvedById: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
  comments: { select: commentSelect, orderBy: { createdAt: "asc" } },
} as const;

export type ThreadRow = NonNullable<Awaited<ReturnType<typeof findThread>>>;
export type CommentRow = ThreadRow["comments"][number];

export function findThread(tx: DbClient, threadId: string) {
  return tx.commentThread.findUnique({ where: { id: threadId }, select: threadSelect });
}

/** The threads of a document or action, oldest first. */
export function listThreads(tx: DbClient, target: { documentId: string } | { actionItemId: string }) {
  return tx.commentThread.findMany({ where: target, select: threadSelect, orderBy: { createdAt: "asc" } });
}

/** The comment and its thread's id (for edits and deletes by comment id). */
export function findComment(tx: DbClient, commentId: string) {
  return tx.comment.findUnique({ where: { id: commentId }, select: { id: true, threadId: true, authorId: true, body: true, deletedAt: true } });
}

/** Who may be mentioned: the forum's active members. */
export async function mentionableMembers(tx: DbClient, forumId: string): Promise<{ id: string; name: string }[]> {
  const rows = await tx.forumMember.findMany({ where: { forumId, user: { disabledAt: null } }, select: { user: { select: { id: true, name: true } } } });
  return rows.map((r) => r.user);
}

export async function insertThread(
  tx: DbClient,
  data: { id: string; forumId: string; documentId?: string; actionItemId?: string; quote: string; createdById: string },
) {
  await tx.commentThread.create({ data });
}

/** Adds a comment with the members it mentions; returns its id. */
export async function insertComment(tx: DbClient, data: { threadId: string; authorId: string; body: string; mentionIds: readonly string[] }): Promise<string> {
  const comment = await tx.comment.create({
    data: { threadId: data.threadId, authorId: data.authorId, body: data.body, mentions: { create: data.mentionIds.map((userId) => ({ userId })) } },
    select: { id: true },
  });
  await tx.commentThread.update({ where: { id: data.threadId }, data: { updatedAt: new Date() } });
  return comment.id;
}

/** Replaces a comment's text and mentions; returns the members it did not mention before. */
export async function updateComment(tx: DbClient, commentId: string, body: string, mentionIds: readonly string[]): Promise<string[]> {
  const before = await tx.commentMention.findMany({ where: { commentId }, select: { userId: true } });
  const had = new Set(before.map((m) => m.userId));
  await tx.commentMention.deleteMany({ where: { commentId } });
  await tx.comment.update({
    where: { id: commentId },
    data: { body, editedAt: new Date(), mentions: { create: mentionIds.map((userId) => ({ userId })) } },
  });
  return mentionIds.filter((id) => !had.has(id));
}

/** A deleted comment keeps its place in the conversation, not its words. */
export async function softDeleteComment(tx: DbClient, commentId: string) {
  await tx.commentMention.deleteMany({ where: { commentId } });
  await tx.comment.update({ where: { id: commentId }, data: { body: "", deletedAt: new Date() } });
}

export async function setThreadResolved(tx: DbClient, threadId: string, by: string, resolved: boolean) {
  await tx.commentThread.update({ where: { id: threadId }, data: resolved ? { resolvedAt: new Date(), resolvedById: by } : { resolvedAt: null, resolvedById: null } });
}

/** Who took part in a thread (its opener and everyone who wrote in it). */
export async function threadParticipants(tx: DbClient, threadId: string): Promise<string[]> {
  const thread = await tx.commentThread.findUnique({ where: { id: threadId }, select: { createdById: true, comments: { select: { authorId: true } } } });
  return thread ? [...new Set([thread.createdById, ...thread.comments.map((c) => c.authorId)])] : [];
}

/** The people an action concerns: its owner and everyone with a RACI role on it (people, and members of groups given one). */
export async function actionAudience(tx: DbClient, actionItemId: string): Promise<string[]> {
  const item = await tx.actionItem.findUnique({
    where: { id: actionItemId },
    select: {
      ownerId: true,
      responsibilities: { select: { userId: true, group: { select: { memberships: { select: { userId: true } } } } } },
    },
  });
  if (!item) return [];
  const ids = new Set<string>();
  if (item.ownerId) ids.add(item.ownerId);
  for (const r of item.responsibilities) {
    if (r.userId) ids.add(r.userId);
    for (const m of r.group?.memberships ?? []) ids.add(m.userId);
  }
  return [...ids];
}
