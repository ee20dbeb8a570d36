import type { DbClient } from "./types.ts";

/** One audit event about an action (or a conversation about it), as stored, with its actor's name. */
export interface ActionHistoryRow {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  createdAt: Date;
  actorName: string | null;
}

/**
 * The audit events of one action of a forum: its own (create, update, RACI) and those of the
 * comment threads about it and their comments. Newest first, at most `limit`.
 */
export async function loadActionHistory(db: DbClient, forumId: string, actionId: string, limit = 200): Promise<ActionHistoryRow[]> {
  const threads = await db.commentThread.findMany({
    where: { forumId, actionItemId: actionId },
    select: { id: true, comments: { select: { id: true } } },
  });
  const rows = await db.auditEvent.findMany({
    where: {
      forumId,
      OR: [
        { entityType: "ActionItem", entityId: actionId },
        { entityType: "CommentThread", entityId: { in: threads.map((t) => t.id) } },
        { entityType: "Comment", entityId: { in: threads.flatMap((t) => t.comments.map((c) => c.id)) } },
      ],
    },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  return rows.map(({ actor, ...r }) => ({ ...r, actorName: actor?.name ?? null }));
}
