import type { Db } from "../db/client.ts";
import { withLease } from "../db/leases.ts";
import { actionSources, commentSources, documentSources, threadCommentIds } from "../db/search-sources.ts";
import type { DbClient } from "../db/types.ts";
import { storedText } from "../services/frozen-state.ts";
import { stripMarkers } from "./highlight.ts";
import { searchIndex } from "./implementation.ts";
import type { SearchEntryInput, SearchKind } from "./search-index.ts";

// The write path of the search index: commands call these inside their transaction, the sync
// server's room extension calls `indexDocumentText` as a document's text changes, and the server
// rebuilds the whole index at start when it is missing or of an older build.

/** Bump when what an entry holds changes: the server then rebuilds the index at start. */
export const SEARCH_INDEX_VERSION = 1;

const REBUILD_BATCH = 50;

/** Text as it is indexed: NFC (so "å" typed and "å" stored are one letter), no marker characters. */
const indexText = (text: string) => stripMarkers(text.normalize("NFC"));

type DocumentSource = Awaited<ReturnType<typeof documentSources>>[number];
type ActionSource = Awaited<ReturnType<typeof actionSources>>[number];
type CommentSource = Awaited<ReturnType<typeof commentSources>>[number];

function documentEntry(d: DocumentSource, body?: string): SearchEntryInput {
  return {
    kind: "document", id: d.id, forumId: d.forumId, groupId: d.groupId, status: d.archivedAt ? "ARCHIVED" : d.status,
    targetAreaIds: d.targetAreaIds, documentId: d.id, actionItemId: null, threadId: null,
    title: indexText(d.title), body: body === undefined ? undefined : indexText(body),
  };
}

function actionEntry(a: ActionSource): SearchEntryInput {
  return {
    kind: "action", id: a.id, forumId: a.forumId, groupId: a.groupId, status: a.status,
    targetAreaIds: a.targetAreaId ? [a.targetAreaId] : [], documentId: null, actionItemId: a.id, threadId: null,
    title: indexText(a.title), body: indexText(a.description),
  };
}

/** A comment's entry: its body, under its thread's document or action (no entry when deleted). */
function commentEntry(c: CommentSource): SearchEntryInput | null {
  const { thread } = c;
  const parent = thread.document ?? thread.actionItem;
  if (c.deletedAt || !parent) return null;
  const targetAreaIds = thread.document ? thread.document.targetAreas.map((t) => t.targetAreaId) : thread.actionItem?.targetAreaId ? [thread.actionItem.targetAreaId] : [];
  return {
    kind: "comment", id: c.id, forumId: thread.forumId, groupId: parent.groupId, status: thread.resolvedAt ? "RESOLVED" : "OPEN",
    targetAreaIds, documentId: thread.documentId, actionItemId: thread.actionItemId, threadId: thread.id,
    // Shown under its document's or action's title (read when searching), not indexed by it.
    title: "", body: indexText(c.body),
  };
}

async function indexComments(tx: DbClient, comments: CommentSource[]) {
  const index = searchIndex(tx);
  const entries: SearchEntryInput[] = [];
  for (const c of comments) {
    const entry = commentEntry(c);
    if (entry) entries.push(entry);
    else await index.remove(tx, "comment", c.id);
  }
  await index.upsert(tx, entries);
}

/**
 * Indexes a document's title, status and target areas (and its text when `body` is given; else the
 * indexed text stays), and its comments, whose group and areas follow it. Removes it when it is gone.
 */
export async function indexDocument(tx: DbClient, documentId: string, opts: { body?: string } = {}): Promise<void> {
  const [doc] = await documentSources(tx, { ids: [documentId] });
  if (!doc) return searchIndex(tx).remove(tx, "document", documentId);
  await searchIndex(tx).upsert(tx, [documentEntry(doc, opts.body)]);
  await indexComments(tx, await commentSources(tx, { documentId }));
}

/** Indexes an action item (title, description, status, target area) and its comments. */
export async function indexAction(tx: DbClient, actionItemId: string): Promise<void> {
  const [item] = await actionSources(tx, { ids: [actionItemId] });
  if (!item) return searchIndex(tx).remove(tx, "action", actionItemId);
  await searchIndex(tx).upsert(tx, [actionEntry(item)]);
  await indexComments(tx, await commentSources(tx, { actionItemId }));
}

/** The live text of a document changed (the sync server): only the body is replaced. */
export async function indexDocumentText(db: DbClient, documentId: string, text: string): Promise<void> {
  if (!(await searchIndex(db).setBody(db, "document", documentId, indexText(text)))) await indexDocument(db, documentId, { body: text });
}

/**
 * A comment was written, edited or deleted: call inside the command's transaction. Reads the
 * comment and its thread; a deleted (or missing) comment leaves the index.
 */
export async function indexComment(tx: DbClient, commentId: string): Promise<void> {
  const [comment] = await commentSources(tx, { ids: [commentId] });
  if (!comment) return searchIndex(tx).remove(tx, "comment", commentId);
  await indexComments(tx, [comment]);
}

/** A thread was resolved or reopened: every comment of it is indexed again with the thread's status. */
export async function indexThread(tx: DbClient, threadId: string): Promise<void> {
  await indexComments(tx, await commentSources(tx, { threadId }));
}

/** Takes one entry out of the index (inside the caller's transaction). */
export async function removeFromIndex(tx: DbClient, kind: SearchKind, id: string): Promise<void> {
  await searchIndex(tx).remove(tx, kind, id);
}

/** Takes every comment of a thread out of the index (before the thread itself is deleted). */
export async function removeThreadFromIndex(tx: DbClient, threadId: string): Promise<void> {
  for (const id of await threadCommentIds(tx, threadId)) await searchIndex(tx).remove(tx, "comment", id);
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds the whole index anew: documents (their stored live text rendered to plain text), action
 * items and comments, a batch per transaction with a pause between batches, so requests keep being
 * served meanwhile. The build is recorded as complete only at the end: a build that is cut short
 * is done again at the next start.
 */
export async function rebuildSearchIndex(db: Db): Promise<{ entries: number }> {
  const index = searchIndex(db);
  await db.$transaction((tx) => index.clear(tx));
  let entries = 0;
  /**
   * One source in id order: a batch is read (and, for documents, rendered) outside a transaction,
   * then read again by id and written inside one, so what is written is current.
   */
  const inBatches = async <T extends { id: string }>(
    read: (page: { afterId: string | null; take: number }) => Promise<T[]>,
    toEntries: (tx: DbClient, batch: T[]) => Promise<SearchEntryInput[]>,
  ) => {
    for (let afterId: string | null = null; ; await pause()) {
      const batch = await read({ afterId, take: REBUILD_BATCH });
      if (batch.length === 0) return;
      await db.$transaction(async (tx) => {
        const list = await toEntries(tx, batch);
        await index.upsert(tx, list);
        entries += list.length;
      });
      afterId = batch.at(-1)!.id;
    }
  };
  const ids = (batch: { id: string }[]) => ({ ids: batch.map((r) => r.id) });
  await inBatches(
    async (page) => {
      const docs = await documentSources(db, page);
      const rendered: { id: string; body: string }[] = [];
      for (const d of docs) rendered.push({ id: d.id, body: await storedText(d.id, db) });
      return rendered;
    },
    async (tx, batch) => {
      const bodies = new Map(batch.map((r) => [r.id, r.body]));
      return (await documentSources(tx, ids(batch))).map((d) => documentEntry(d, bodies.get(d.id)));
    },
  );
  await inBatches((page) => actionSources(db, page), async (tx, batch) => (await actionSources(tx, ids(batch))).map(actionEntry));
  await inBatches(
    (page) => commentSources(db, page),
    async (tx, batch) => (await commentSources(tx, ids(batch))).map(commentEntry).filter((e): e is SearchEntryInput => e !== null),
  );
  await db.$transaction((tx) => index.markBuilt(tx, SEARCH_INDEX_VERSION));
  return { entries };
}

/** Rebuilds the index when it was never built or is of an older build; otherwise does nothing. */
export async function ensureSearchIndex(db: Db): Promise<{ rebuilt: boolean; entries?: number }> {
  if ((await searchIndex(db).builtVersion(db)) === SEARCH_INDEX_VERSION) return { rebuilt: false };
  // One instance rebuilds (the others, starting at the same time, leave it to that one).
  const r = await withLease(db, "search-rebuild", 60 * 60_000, async () =>
    (await searchIndex(db).builtVersion(db)) === SEARCH_INDEX_VERSION ? { entries: undefined } : rebuildSearchIndex(db),
  );
  return r.ran && r.value.entries !== undefined ? { rebuilt: true, entries: r.value.entries } : { rebuilt: false };
}
