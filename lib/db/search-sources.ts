import type { DbClient } from "./types.ts";

// What the search index is built from: the rows behind each entry, read in the caller's
// transaction. Bodies of live documents are not here: their text is rendered from the Yjs state
// (lib/search/indexer.ts).

type Page = { ids: readonly string[] } | { afterId: string | null; take: number };

interface PageArgs {
  where: { id?: { in?: string[]; gt?: string } };
  orderBy: { id: "asc" };
  take?: number;
}

const pageArgs = (page: Page): PageArgs =>
  "ids" in page
    ? { where: { id: { in: [...page.ids] } }, orderBy: { id: "asc" } }
    : { where: page.afterId ? { id: { gt: page.afterId } } : {}, orderBy: { id: "asc" }, take: page.take };

/** Documents with their status and target areas. */
export async function documentSources(db: DbClient, page: Page) {
  const rows = await db.document.findMany({
    ...pageArgs(page),
    select: { id: true, forumId: true, groupId: true, title: true, status: true, archivedAt: true, targetAreas: { select: { targetAreaId: true } } },
  });
  return rows.map(({ targetAreas, ...d }) => ({ ...d, targetAreaIds: targetAreas.map((t) => t.targetAreaId) }));
}

/** Action items with their text, status and target area. */
export async function actionSources(db: DbClient, page: Page) {
  return db.actionItem.findMany({
    ...pageArgs(page),
    select: { id: true, forumId: true, groupId: true, title: true, description: true, status: true, targetAreaId: true },
  });
}

const commentSelect = {
  id: true, body: true, deletedAt: true,
  thread: {
    select: {
      id: true, forumId: true, documentId: true, actionItemId: true, resolvedAt: true,
      document: { select: { groupId: true, targetAreas: { select: { targetAreaId: true } } } },
      actionItem: { select: { groupId: true, targetAreaId: true } },
    },
  },
} as const;

/** Comments (with their thread and what it is about) by id, by thread, by the thread's document or action, or a page of all. */
export async function commentSources(
  db: DbClient,
  by: Page | { threadId: string } | { documentId: string } | { actionItemId: string },
) {
  if ("threadId" in by) return db.comment.findMany({ where: { threadId: by.threadId }, select: commentSelect });
  if ("documentId" in by) return db.comment.findMany({ where: { thread: { documentId: by.documentId } }, select: commentSelect });
  if ("actionItemId" in by) return db.comment.findMany({ where: { thread: { actionItemId: by.actionItemId } }, select: commentSelect });
  return db.comment.findMany({ ...pageArgs(by), select: commentSelect });
}

/** Ids of every comment of a thread (to take them out of the index). */
export async function threadCommentIds(db: DbClient, threadId: string): Promise<string[]> {
  return (await db.comment.findMany({ where: { threadId }, select: { id: true } })).map((c) => c.id);
}

/** The facts the read policies look at, for the documents and actions behind search hits (and their titles, for comments). */
export async function searchHitFacts(db: DbClient, forumId: string, documentIds: readonly string[], actionIds: readonly string[]) {
  const [documents, actions] = await Promise.all([
    documentIds.length
      ? db.document.findMany({ where: { forumId, id: { in: [...documentIds] } }, select: { id: true, groupId: true, archivedAt: true, title: true } })
      : [],
    actionIds.length
      ? db.actionItem.findMany({ where: { forumId, id: { in: [...actionIds] } }, select: { id: true, groupId: true, ownerId: true, title: true } })
      : [],
  ]);
  return { documents: new Map(documents.map((d) => [d.id, d])), actions: new Map(actions.map((a) => [a.id, a])) };
}
