import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { addCommentMark } from "../comments/marks.ts";
import { commentPreview, findMentions } from "../comments/text.ts";
import { db } from "../db/client.ts";
import { appendAudit } from "../db/audit.ts";
import {
  actionAudience,
  findComment,
  findThread,
  findThreadTarget,
  insertComment,
  insertThread,
  listThreads,
  mentionableMembers,
  setThreadResolved,
  softDeleteComment,
  threadParticipants,
  updateComment,
  type ThreadTarget,
} from "../db/comments.ts";
import { followerIds } from "../db/follows.ts";
import { findForumAccess, type ForumAccess } from "../db/forums.ts";
import type { NewNotification, NotificationKind } from "../db/notifications.ts";
import type { DbClient } from "../db/types.ts";
import { appendDocumentUpdate } from "../db/versions.ts";
import { commentAbilities, mayStartThread, threadAbilities } from "../policies/comment.ts";
import { documentAbilities, documentFacts } from "../policies/document.ts";
import { presentThread, threadFacts, type ThreadView } from "../presenters/comment.ts";
import { indexComment, indexThread } from "../search/index.ts";
import { AppError } from "../services/errors.ts";
import { storedState } from "../services/frozen-state.ts";
import type { DocumentThreadInput } from "../validation/comment.ts";
import { runCommand, type CommandCaller, type CommandContext } from "./command.ts";

type TargetRef = { documentId: string } | { actionItemId: string };

/** Whether the standing may read the target (documents ask their policy; actions are read by the whole forum). */
function readable(standing: ForumAccess, target: ThreadTarget): boolean {
  if (target.forumId !== standing.forum.id) return false;
  return target.kind === "document" ? documentAbilities(standing, documentFacts({ groupId: target.groupId, archivedAt: target.archivedAt })).read : true;
}

/** The target in the caller's forum that they may read (404 otherwise: existence is not revealed). */
async function readableTarget(tx: DbClient, standing: ForumAccess, ref: TargetRef): Promise<ThreadTarget> {
  const target = await findThreadTarget(tx, ref);
  if (!target || !readable(standing, target)) throw new AppError("not_found");
  return target;
}

const refOf = (thread: { documentId: string | null; actionItemId: string | null }): TargetRef =>
  thread.documentId ? { documentId: thread.documentId } : { actionItemId: thread.actionItemId! };

/** Announces that a conversation changed: open documents fetch their threads, boards their counts. */
function changed(ctx: Pick<CommandContext, "emit">, target: ThreadTarget): void {
  ctx.emit({ type: "threads.changed", documentId: target.kind === "document" ? target.id : null, actionItemId: target.kind === "action" ? target.id : null, groupId: target.groupId });
  if (target.kind === "action") ctx.emit({ type: "board.changed", groupId: target.groupId });
}

/** The threads of a document or action the caller may read, as they see them. */
export async function threadsOf(access: ForumAccess, ref: TargetRef): Promise<ThreadView[]> {
  const target = await readableTarget(db(), access, ref);
  const rows = await listThreads(db(), ref);
  return rows.map((t) => presentThread(access, target, true, t));
}

async function viewOf(tx: DbClient, standing: ForumAccess, target: ThreadTarget, threadId: string): Promise<ThreadView> {
  const row = await findThread(tx, threadId);
  if (!row) throw new AppError("not_found");
  return presentThread(standing, target, true, row);
}

/**
 * Notifications for a new comment: the mentioned hear MENTION, everyone else in `audience` hears
 * `kind`; never the author, and only active members of the forum.
 */
async function notifyComment(
  ctx: CommandContext,
  target: ThreadTarget,
  c: { threadId: string; commentId: string; body: string },
  kind: NotificationKind,
  audience: readonly string[],
  mentioned: readonly string[],
) {
  const members = new Set((await mentionableMembers(ctx.tx, target.forumId)).map((m) => m.id));
  const author = ctx.actor.userId;
  const detail = JSON.stringify({ preview: commentPreview(c.body) });
  const base = {
    forumId: target.forumId,
    actionItemId: target.kind === "action" ? target.id : null,
    documentId: target.kind === "document" ? target.id : null,
    threadId: c.threadId,
    commentId: c.commentId,
    actorId: author,
    detail,
    title: target.title,
  };
  const list: NewNotification[] = [];
  const told = new Set<string>([author]);
  for (const userId of mentioned) if (!told.has(userId) && members.has(userId) && told.add(userId)) list.push({ ...base, userId, type: "MENTION" });
  for (const userId of audience) if (!told.has(userId) && members.has(userId) && told.add(userId)) list.push({ ...base, userId, type: kind });
  await ctx.notify(list);
}

/** Who hears of a new thread: on a document, its followers; on an action, its owner and RACI. */
async function threadAudience(tx: DbClient, target: ThreadTarget): Promise<string[]> {
  return target.kind === "action" ? actionAudience(tx, target.id) : followerIds(tx, target.id);
}

async function mentionsIn(tx: DbClient, forumId: string, body: string): Promise<string[]> {
  return findMentions(body, await mentionableMembers(tx, forumId));
}

/** How long a new thread waits for the selected text to be stored (the author's last keystrokes may still be on their way). */
const MARK_WAIT_MS = 2000;

/**
 * The Yjs update that marks the selection in the stored text. The selection names characters by
 * id; if some are not stored yet (typed a moment ago), it looks again until MARK_WAIT_MS. Done
 * before the transaction: waiting there would hold the lock the sync server needs to store them.
 */
async function markUpdate(documentId: string, input: DocumentThreadInput, threadId: string): Promise<{ update: Uint8Array; quote: string }> {
  const deadline = Date.now() + MARK_WAIT_MS;
  for (;;) {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await storedState(documentId));
      const before = Y.encodeStateVector(doc);
      const result = addCommentMark(doc, input.from, input.to, threadId);
      if (result.ok) return { update: Y.encodeStateAsUpdate(doc, before), quote: result.quote };
      if (result.reason === "empty") throw new AppError("invalid_input", "errors.commentEmptySelection");
    } finally {
      doc.destroy();
    }
    if (Date.now() > deadline) throw new AppError("conflict", "errors.commentTextMoved");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens a thread on a passage of a document. Anyone who may read the document may, steering
 * members on a read-only socket included: the server marks the text (an ordinary edit appended to
 * the log and sent to open editors), never the client.
 */
export async function startDocumentThread(caller: CommandCaller, documentId: string, input: DocumentThreadInput): Promise<ThreadView> {
  // A cheap look first: nothing of a document the caller may not comment on is loaded or marked.
  const early = await findForumAccess(db(), caller.userId, { id: caller.forumId });
  if (!early || !mayStartThread({ targetReadable: true, targetArchived: (await readableTarget(db(), early, { documentId })).archived })) throw new AppError("forbidden");
  const threadId = randomUUID().replaceAll("-", "");
  const { update, quote } = await markUpdate(documentId, input, threadId);
  return runCommand(caller, async (ctx) => {
    const { tx, standing, actor, emit } = ctx;
    const target = await readableTarget(tx, standing, { documentId });
    if (!mayStartThread({ targetReadable: true, targetArchived: target.archived })) throw new AppError("forbidden");
    await insertThread(tx, { id: threadId, forumId: target.forumId, documentId, quote, createdById: actor.userId });
    const mentioned = await mentionsIn(tx, target.forumId, input.body);
    const commentId = await insertComment(tx, { threadId, authorId: actor.userId, body: input.body, mentionIds: mentioned });
    await indexComment(tx, commentId);
    const updateId = await appendDocumentUpdate(tx, documentId, update);
    await appendAudit(tx, { forumId: target.forumId, actorId: actor.userId, ip: actor.ip, action: "comment.thread", entityType: "CommentThread", entityId: threadId, after: { documentId, quote } });
    await notifyComment(ctx, target, { threadId, commentId, body: input.body }, "COMMENT_THREAD", await threadAudience(tx, target), mentioned);
    emit({ type: "document.appended", documentId, update, updateId });
    changed(ctx, target);
    return viewOf(tx, standing, target, threadId);
  });
}

/** Opens a thread on an action item (everyone in the forum reads actions and may ask about them). */
export async function startActionThread(caller: CommandCaller, actionItemId: string, body: string): Promise<ThreadView> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing, actor } = ctx;
    const target = await readableTarget(tx, standing, { actionItemId });
    if (!mayStartThread({ targetReadable: true, targetArchived: target.archived })) throw new AppError("forbidden");
    const threadId = randomUUID().replaceAll("-", "");
    await insertThread(tx, { id: threadId, forumId: target.forumId, actionItemId, quote: "", createdById: actor.userId });
    const mentioned = await mentionsIn(tx, target.forumId, body);
    const commentId = await insertComment(tx, { threadId, authorId: actor.userId, body, mentionIds: mentioned });
    await indexComment(tx, commentId);
    await appendAudit(tx, { forumId: target.forumId, actorId: actor.userId, ip: actor.ip, action: "comment.thread", entityType: "CommentThread", entityId: threadId, after: { actionItemId } });
    await notifyComment(ctx, target, { threadId, commentId, body }, "COMMENT_THREAD", await threadAudience(tx, target), mentioned);
    changed(ctx, target);
    return viewOf(tx, standing, target, threadId);
  });
}

/** A thread in the caller's forum with its target and what the caller may do with it. */
async function threadIn(tx: DbClient, standing: ForumAccess, threadId: string) {
  const thread = await findThread(tx, threadId);
  if (!thread || thread.forumId !== standing.forum.id) throw new AppError("not_found");
  const target = await readableTarget(tx, standing, refOf(thread));
  return { thread, target, abilities: threadAbilities(standing, threadFacts(target, thread, true)) };
}

export async function replyToThread(caller: CommandCaller, threadId: string, body: string): Promise<ThreadView> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing, actor } = ctx;
    const { target, abilities } = await threadIn(tx, standing, threadId);
    if (!abilities.reply) throw new AppError("forbidden");
    const mentioned = await mentionsIn(tx, target.forumId, body);
    const participants = await threadParticipants(tx, threadId);
    const commentId = await insertComment(tx, { threadId, authorId: actor.userId, body, mentionIds: mentioned });
    await indexComment(tx, commentId);
    await appendAudit(tx, { forumId: target.forumId, actorId: actor.userId, ip: actor.ip, action: "comment.reply", entityType: "Comment", entityId: commentId, after: { threadId } });
    await notifyComment(ctx, target, { threadId, commentId, body }, "COMMENT_REPLY", participants, mentioned);
    changed(ctx, target);
    return viewOf(tx, standing, target, threadId);
  });
}

/** Resolves (or reopens) a thread: its opener, the group's leads and the project leader. */
export async function setThreadState(caller: CommandCaller, threadId: string, resolved: boolean): Promise<ThreadView> {
  return runCommand(caller, async ({ tx, standing, actor, emit }) => {
    const { thread, target, abilities } = await threadIn(tx, standing, threadId);
    if (!abilities.resolve) throw new AppError("forbidden");
    if ((thread.resolvedAt !== null) !== resolved) {
      await setThreadResolved(tx, threadId, actor.userId, resolved);
      await indexThread(tx, threadId);
      await appendAudit(tx, { forumId: target.forumId, actorId: actor.userId, ip: actor.ip, action: resolved ? "comment.resolve" : "comment.reopen", entityType: "CommentThread", entityId: threadId });
      changed({ emit }, target);
    }
    return viewOf(tx, standing, target, threadId);
  });
}

/** The comment, its thread and target, and what the caller may do with the comment. */
async function commentIn(tx: DbClient, standing: ForumAccess, commentId: string) {
  const comment = await findComment(tx, commentId);
  if (!comment) throw new AppError("not_found");
  const { thread, target } = await threadIn(tx, standing, comment.threadId);
  const abilities = commentAbilities(standing, threadFacts(target, thread, true), { authorId: comment.authorId, deleted: comment.deletedAt !== null });
  return { comment, thread, target, abilities };
}

/** The author edits their comment; members it newly mentions are told. */
export async function editComment(caller: CommandCaller, commentId: string, body: string): Promise<ThreadView> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing, actor } = ctx;
    const { comment, target, abilities } = await commentIn(tx, standing, commentId);
    if (!abilities.edit) throw new AppError("forbidden");
    const mentioned = await mentionsIn(tx, target.forumId, body);
    const added = await updateComment(tx, commentId, body, mentioned);
    await indexComment(tx, commentId);
    await appendAudit(tx, { forumId: target.forumId, actorId: actor.userId, ip: actor.ip, action: "comment.edit", entityType: "Comment", entityId: commentId, after: { threadId: comment.threadId } });
    await notifyComment(ctx, target, { threadId: comment.threadId, commentId, body }, "MENTION", [], added);
    changed(ctx, target);
    return viewOf(tx, standing, target, comment.threadId);
  });
}

/** The author deletes their comment: its words go, its place in the conversation stays. */
export async function deleteComment(caller: CommandCaller, commentId: string): Promise<ThreadView> {
  return runCommand(caller, async ({ tx, standing, actor, emit }) => {
    const { comment, target, abilities } = await commentIn(tx, standing, commentId);
    if (!abilities.delete) throw new AppError("forbidden");
    await softDeleteComment(tx, commentId);
    await indexComment(tx, commentId);
    await appendAudit(tx, { forumId: target.forumId, actorId: actor.userId, ip: actor.ip, action: "comment.delete", entityType: "Comment", entityId: commentId, after: { threadId: comment.threadId } });
    changed({ emit }, target);
    return viewOf(tx, standing, target, comment.threadId);
  });
}
