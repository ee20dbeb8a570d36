import pg from "pg";
import * as Y from "yjs";
import type { SessionUser } from "../auth/session.ts";
import { excerptOf, ydocToPreviewText } from "../editor/render.ts";
import type { ActorStanding } from "../policies/actor.ts";
import type { TallyIncrement } from "../realtime/edit-stretches.ts";
import type { AnchoredItem, DocumentFacts, RoomStore, StoredDocument } from "../realtime/room-store.ts";
import { indexDocumentText } from "../search/index.ts";
import { loadOpenBoard } from "./actions.ts";
import { loadGroupApprovals } from "./approvals.ts";
import type { Db } from "./client.ts";
import { closePgPool, pgPool } from "./pg-pool.ts";

// The sync server's RoomStore on PostgreSQL: the same contract as the SQLite store (room-store.ts),
// on a pool of its own with named prepared statements (node-postgres prepares each name once per
// connection, then only binds and executes). Prisma's tables and columns: every identifier quoted.
//
// Timestamps: Prisma stores DateTime as `timestamp(3)` in UTC. node-postgres sends a Date as local
// time with its offset, which a `timestamp` parameter would keep as local wall-clock time; every Date
// parameter is therefore read as `timestamptz` and turned into UTC (`$n::timestamptz AT TIME ZONE
// 'UTC'`), which is right whatever the process's or the session's time zone. Reading is pg-pool's.
//
// ---- Why appends and compaction share a lock per document ------------------------------------
// SQLite has one writer at a time, so a row's id order is its commit order, and the SQLite writer
// thread (the only one that compacts) could fold "the rows after the last fold up to N" and then
// delete "every row up to N". On PostgreSQL neither holds:
//  (a) ids come from a sequence at INSERT, not at COMMIT. An append that took id 41 may commit after
//      one that took 42. A compaction up to 42 that ran between the two commits would not see 41,
//      and deleting "id <= 42" (now, or in the next compaction, which starts after the last fold)
//      would delete 41 without folding it: a lost edit that the author was told was saved.
//  (b) Two instances holding one room may compact it at once: each folds the snapshot it read and
//      the later commit overwrites the earlier one's snapshot, whose rows were already deleted.
//      A fold kept in memory between compactions (`folded`) is also stale once another instance
//      has written the snapshot.
// So every append transaction takes pg_advisory_xact_lock_shared(document) before its INSERT and
// holds it to COMMIT, and a compaction takes pg_try_advisory_xact_lock(document), exclusive, for its
// whole transaction. While a compaction holds it no append of that document is between INSERT and
// COMMIT (they wait for the lock before they take an id), so every row with an id up to the
// compaction's bound is committed and visible; appends that wait get ids above every id handed out
// so far (the sequence has CACHE 1). Two compactions exclude each other. A compaction that is not
// granted the lock does nothing (the other holder is an append in flight or another instance's
// compaction) and drops its kept fold. A kept fold is only used when the document row is the one
// this store's last compaction wrote (same `xmin`, the id of the transaction that last changed the
// row): any other write of the row, another instance's compaction included, makes it rebuild from
// the stored snapshot.
// Belt and braces, for writers that do not take the lock (a version restore appends its row through
// Prisma in a command transaction, lib/db/versions.ts): a compaction deletes exactly the rows it
// read and folded, never "every row up to N". Rows left in the log are therefore always rows not yet
// in the snapshot, and the next compaction folds them.
//
// The lock key is the two-int form (classid, objid), a key space apart from the one-bigint form
// Prisma's migrations lock uses; the classid below is reserved for this lock. objid = hashtext(id):
// two documents with one hash only share a lock (they serialise a little more), never data.

/** classid of the per-document log lock ("RDOC"); objid is hashtext(document id). */
export const DOCUMENT_LOG_LOCK = 0x52444f43;

/** Documents whose folded state is kept between compactions (the rooms forget theirs on unload). */
const KEEP_FOLDED = 8;
/** Attempts at the compaction lock (an append of another instance holds it for a millisecond or so). */
const LOCK_ATTEMPTS = 5;

const utc = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

const SQL = {
  user: 'SELECT "id", "name", "email", "locale", "mustChangePassword", "sessionVersion" FROM "User" WHERE "id" = $1 AND "disabledAt" IS NULL',
  document: 'SELECT "forumId", "groupId", "archivedAt" FROM "Document" WHERE "id" = $1',
  groupForum: 'SELECT "forumId" FROM "Group" WHERE "id" = $1 AND "archivedAt" IS NULL',
  forumRole: 'SELECT "role" FROM "ForumMember" WHERE "forumId" = $1 AND "userId" = $2',
  memberships:
    'SELECT m."groupId" AS "groupId" FROM "Membership" m JOIN "Group" g ON g."id" = m."groupId" WHERE m."userId" = $1 AND g."forumId" = $2 AND g."archivedAt" IS NULL',
  docState: 'SELECT "title", "state" FROM "Document" WHERE "id" = $1',
  docUpdates: 'SELECT "id", "data" FROM "DocumentUpdate" WHERE "documentId" = $1 ORDER BY "id"',
  updateIds: 'SELECT "id" FROM "DocumentUpdate" WHERE "documentId" = $1 AND "id" <= $2 ORDER BY "id"',
  editors: 'SELECT "userId", "lastEditAt" FROM "DocumentEditTally" WHERE "documentId" = $1',
  anchored:
    'SELECT "id", "groupId", "anchorBlockId", "anchorMissing", "anchorText" FROM "ActionItem" WHERE "anchorDocumentId" = $1 AND "anchorBlockId" IS NOT NULL',
  anchorMissing: `UPDATE "ActionItem" SET "anchorMissing" = $1, "updatedAt" = ${utc(2)} WHERE "id" = ANY($3::text[]) AND "anchorMissing" <> $1`,
  threads: 'SELECT "id", "detachedAt" FROM "CommentThread" WHERE "documentId" = $1',
  detach: `UPDATE "CommentThread" SET "detachedAt" = ${utc(2)} WHERE "id" = ANY($1::text[]) AND "detachedAt" IS NULL`,
  reattach: 'UPDATE "CommentThread" SET "detachedAt" = NULL WHERE "id" = ANY($1::text[]) AND "detachedAt" IS NOT NULL',

  // The shared lock is taken in the same statement, before the row gets its id (see above).
  append:
    `WITH "held" AS (SELECT pg_advisory_xact_lock_shared(${DOCUMENT_LOG_LOCK}, hashtext($1::text))) ` +
    `INSERT INTO "DocumentUpdate" ("documentId", "data", "createdAt") SELECT $1::text, $2::bytea, ${utc(3)} FROM "held" RETURNING "id"`,
  // A tally deleted by a grouped notice mid-stretch starts again at one change: those edits are news.
  tally:
    `INSERT INTO "DocumentEditTally" AS t ("documentId", "userId", "changes", "lastEditAt") VALUES ($1, $2, GREATEST($3::int4, 1), ${utc(4)}) ` +
    'ON CONFLICT ("documentId", "userId") DO UPDATE SET "changes" = t."changes" + $3::int4, "lastEditAt" = GREATEST(t."lastEditAt", EXCLUDED."lastEditAt")',

  compactLock: `SELECT pg_try_advisory_xact_lock(${DOCUMENT_LOG_LOCK}, hashtext($1::text)) AS "locked"`,
  rowVersion: 'SELECT xmin::text AS "version" FROM "Document" WHERE "id" = $1',
  snapshotOf: 'SELECT "state" FROM "Document" WHERE "id" = $1',
  rowsUpTo: 'SELECT "id", "data" FROM "DocumentUpdate" WHERE "documentId" = $1 AND "id" <= $2 ORDER BY "id"',
  // Prisma's `update` sets @updatedAt; so does this, to keep the column's meaning.
  snapshot: `UPDATE "Document" SET "state" = $2, "excerpt" = $3, "updatedAt" = ${utc(4)} WHERE "id" = $1 RETURNING xmin::text AS "version"`,
  dropFolded: 'DELETE FROM "DocumentUpdate" WHERE "documentId" = $1 AND "id" = ANY($2::int4[])',
  storedBytes:
    'SELECT COALESCE(octet_length(d."state"), 0) + COALESCE((SELECT SUM(octet_length(u."data")) FROM "DocumentUpdate" u WHERE u."documentId" = d."id"), 0) AS "bytes" FROM "Document" d WHERE d."id" = $1',
} as const;

type Statement = keyof typeof SQL;
type Queryable = pg.Pool | pg.PoolClient;

/** Runs one of the store's statements, prepared under its name ("rooms.<key>") on each connection. */
function run<R extends pg.QueryResultRow>(on: Queryable, statement: Statement, values: unknown[]): Promise<pg.QueryResult<R>> {
  return on.query<R>({ name: `rooms.${statement}`, text: SQL[statement], values });
}

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** An error that says nothing about one statement but about the connection (then no append is tried again alone). */
function isConnectionError(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  const code = error.code ?? "";
  return code.startsWith("08") || code.startsWith("57");
}

interface PendingAppend {
  documentId: string;
  data: Uint8Array;
  tallies: readonly TallyIncrement[];
  resolve: (id: number) => void;
  reject: (error: Error) => void;
}

/** A document as this store's last compaction wrote it, kept so the next one applies only the new rows. */
interface Folded {
  doc: Y.Doc;
  /** xmin of the Document row that compaction wrote. */
  version: string;
}

export interface PostgresRoomStoreOptions {
  /** Connections of the store's pool (default 6). */
  poolSize?: number;
  /** The pool's name (default "rooms"); tests give two stores of one process two pools, as two instances have. */
  poolName?: string;
}

/**
 * The sync server's RoomStore on PostgreSQL. Appends are group-committed: every append waiting when
 * the previous commit is done goes into one transaction on one connection, and each one's promise
 * resolves after COMMIT ("saved" means durable). A document's appends wait while this store
 * compacts it, and its compaction waits for its appends in flight, so within one process the
 * compaction lock is never refused because of the process's own appends. Compaction (the CPU of
 * folding a document) runs on this thread: on PostgreSQL no commit blocks the thread, and a fold is
 * one document's work every few hundred rows.
 */
export function openPostgresRoomStore(url: string, db: Db, options: PostgresRoomStoreOptions = {}): RoomStore {
  const poolName = options.poolName ?? "rooms";
  const pool = pgPool(url, poolName, options.poolSize ?? 6);
  let closed = false;

  // ---- appends: group commit ---------------------------------------------------------------
  const queue: PendingAppend[] = [];
  /** Appends per document in the transaction being committed. */
  const appending = new Map<string, number>();
  /** Documents this store is compacting (or about to): their appends stay queued. */
  const compacting = new Set<string>();
  let batchDone: Promise<void> | null = null;
  let pumping = false;

  function kick() {
    if (pumping || closed || queue.length === 0) return;
    pumping = true;
    // Appends asked for in the same turn share the first commit.
    setImmediate(() => void pump());
  }

  async function pump() {
    try {
      while (!closed) {
        const batch: PendingAppend[] = [];
        for (let i = 0; i < queue.length; ) {
          if (compacting.has(queue[i]!.documentId)) i += 1;
          else batch.push(queue.splice(i, 1)[0]!);
        }
        if (!batch.length) return;
        for (const a of batch) appending.set(a.documentId, (appending.get(a.documentId) ?? 0) + 1);
        batchDone = commitBatch(batch);
        await batchDone;
        batchDone = null;
        for (const a of batch) {
          const left = appending.get(a.documentId)! - 1;
          if (left) appending.set(a.documentId, left);
          else appending.delete(a.documentId);
        }
      }
    } finally {
      pumping = false;
    }
  }

  async function appendOne(client: pg.PoolClient, a: PendingAppend): Promise<number> {
    const { rows } = await run<{ id: number }>(client, "append", [a.documentId, asBuffer(a.data), new Date()]);
    for (const t of a.tallies) await run(client, "tally", [a.documentId, t.userId, t.changes, t.lastEditAt]);
    return rows[0]!.id;
  }

  /** One transaction for the batch; when a statement fails, each append alone (one bad append must not fail the others). */
  async function commitBatch(batch: readonly PendingAppend[]): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      for (const a of batch) a.reject(error as Error);
      return;
    }
    let broken: Error | undefined;
    const inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
      await client.query("BEGIN");
      try {
        const result = await work();
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((e: Error) => (broken = e));
        throw error;
      }
    };
    try {
      const ids: number[] = [];
      await inTransaction(async () => {
        for (const a of batch) ids.push(await appendOne(client, a));
      });
      batch.forEach((a, i) => a.resolve(ids[i]!));
    } catch (error) {
      if (batch.length === 1 || broken || isConnectionError(error)) {
        broken ??= isConnectionError(error) ? (error as Error) : undefined;
        for (const a of batch) a.reject(error as Error);
      } else {
        for (const a of batch) {
          try {
            a.resolve(await inTransaction(() => appendOne(client, a)));
          } catch (single) {
            a.reject(single as Error);
            if (broken) break;
          }
        }
        if (broken) for (const a of batch) a.reject(broken);
      }
    } finally {
      // A connection in doubt is closed rather than handed to the next caller.
      client.release(broken);
    }
  }

  // ---- compaction --------------------------------------------------------------------------
  const folded = new Map<string, Folded>();
  /** One compaction per document at a time, in the order asked. */
  const compactions = new Map<string, Promise<unknown>>();

  function dropFolded(documentId: string) {
    folded.get(documentId)?.doc.destroy();
    folded.delete(documentId);
  }

  /**
   * One attempt: under the document's exclusive lock, folds the stored snapshot and every stored row
   * up to `upTo` into a new snapshot and deletes exactly those rows. Null when the lock was refused.
   */
  async function tryCompact(documentId: string, upTo: number): Promise<{ bytes: number } | null> {
    const client = await pool.connect();
    let broken: Error | undefined;
    let f = folded.get(documentId);
    folded.delete(documentId);
    try {
      await client.query("BEGIN");
      try {
        const { rows: lock } = await run<{ locked: boolean }>(client, "compactLock", [documentId]);
        if (!lock[0]!.locked) {
          await client.query("ROLLBACK");
          f?.doc.destroy();
          return null;
        }
        const { rows: current } = await run<{ version: string }>(client, "rowVersion", [documentId]);
        if (!f || f.version !== current[0]?.version) {
          f?.doc.destroy();
          const doc = new Y.Doc();
          const { rows: snap } = await run<{ state: Buffer | null }>(client, "snapshotOf", [documentId]);
          if (snap[0]?.state) Y.applyUpdate(doc, snap[0].state);
          f = { doc, version: "" };
        }
        const { rows } = await run<{ id: number; data: Buffer }>(client, "rowsUpTo", [documentId, upTo]);
        const doc = f.doc;
        doc.transact(() => {
          for (const r of rows) Y.applyUpdate(doc, r.data);
        });
        const state = Y.encodeStateAsUpdate(doc);
        const excerpt = excerptOf(ydocToPreviewText(doc));
        const { rows: written } = await run<{ version: string }>(client, "snapshot", [documentId, asBuffer(state), excerpt, new Date()]);
        if (rows.length) await run(client, "dropFolded", [documentId, rows.map((r) => r.id)]);
        await client.query("COMMIT");
        if (written[0]) {
          f.version = written[0].version;
          folded.set(documentId, f);
          while (folded.size > KEEP_FOLDED) dropFolded(folded.keys().next().value!);
        } else doc.destroy();
        return { bytes: state.length };
      } catch (error) {
        await client.query("ROLLBACK").catch((e: Error) => (broken = e));
        f?.doc.destroy();
        throw error;
      }
    } catch (error) {
      if (isConnectionError(error)) broken ??= error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async function compact(documentId: string, upTo: number): Promise<{ bytes: number; skipped?: true }> {
    // Marked first, so no new batch takes this document's appends; then the one in flight commits.
    compacting.add(documentId);
    try {
      while (appending.has(documentId) && batchDone) await batchDone.catch(() => undefined);
      for (let attempt = 1; ; attempt += 1) {
        const done = await tryCompact(documentId, upTo);
        if (done) return done;
        if (attempt >= LOCK_ATTEMPTS) {
          // Another instance is appending to or compacting this document: its rows stay in the log.
          const { rows } = await run<{ bytes: number | null }>(pool, "storedBytes", [documentId]);
          return { bytes: Number(rows[0]?.bytes ?? 0), skipped: true };
        }
        await new Promise((r) => setTimeout(r, 5 * attempt));
      }
    } finally {
      compacting.delete(documentId);
      kick();
    }
  }

  // ---- reads ---------------------------------------------------------------------------------
  async function loadDocument(documentId: string): Promise<StoredDocument> {
    // One snapshot for the three reads, so a compaction committing between them cannot hide rows.
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const { rows: doc } = await run<{ title: string; state: Buffer | null }>(client, "docState", [documentId]);
        const { rows: updates } = await run<{ id: number; data: Buffer }>(client, "docUpdates", [documentId]);
        const { rows: editors } = await run<{ userId: string; lastEditAt: Date }>(client, "editors", [documentId]);
        await client.query("COMMIT");
        return { title: doc[0]?.title ?? "", snapshot: doc[0]?.state ?? null, updates, editors };
      } catch (error) {
        await client.query("ROLLBACK").catch((e: Error) => (broken = e));
        throw error;
      }
    } catch (error) {
      if (isConnectionError(error)) broken ??= error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    async sessionUser(id) {
      const { rows } = await run<SessionUser>(pool, "user", [id]);
      return rows[0] ?? null;
    },
    async standing(userId, forumId): Promise<ActorStanding | null> {
      const { rows: member } = await run<{ role: ActorStanding["role"] }>(pool, "forumRole", [forumId, userId]);
      if (!member[0]) return null;
      const { rows: groups } = await run<{ groupId: string }>(pool, "memberships", [userId, forumId]);
      return { userId, role: member[0].role, groupIds: groups.map((g) => g.groupId) };
    },
    async documentFacts(id): Promise<DocumentFacts | null> {
      const { rows } = await run<{ forumId: string; groupId: string; archivedAt: Date | null }>(pool, "document", [id]);
      const r = rows[0];
      return r ? { forumId: r.forumId, groupId: r.groupId, archived: r.archivedAt !== null } : null;
    },
    async boardFacts(groupId) {
      const { rows } = await run<{ forumId: string }>(pool, "groupForum", [groupId]);
      return rows[0] ?? null;
    },
    loadDocument,
    appendUpdate(documentId, data, tallies = []) {
      if (closed) return Promise.reject(new Error("the room store is closed"));
      return new Promise<number>((resolve, reject) => {
        queue.push({ documentId, data, tallies, resolve, reject });
        kick();
      });
    },
    async updateIds(documentId, upToUpdateId) {
      const { rows } = await run<{ id: number }>(pool, "updateIds", [documentId, upToUpdateId]);
      return rows.map((r) => r.id);
    },
    compactDocument(documentId, upToUpdateId) {
      if (closed) return Promise.reject(new Error("the room store is closed"));
      const next = (compactions.get(documentId) ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => compact(documentId, upToUpdateId))
        .catch((error: unknown) => {
          dropFolded(documentId);
          throw error;
        });
      compactions.set(documentId, next);
      void next.finally(() => {
        if (compactions.get(documentId) === next) compactions.delete(documentId);
      }).catch(() => undefined);
      return next;
    },
    async forgetDocument(documentId) {
      await compactions.get(documentId)?.catch(() => undefined);
      dropFolded(documentId);
    },
    indexDocumentText(documentId, text) {
      // Through Prisma and the search interface, like the commands' index writes.
      return db.$transaction((tx) => indexDocumentText(tx, documentId, text));
    },
    async anchoredItems(documentId): Promise<AnchoredItem[]> {
      const { rows } = await run<AnchoredItem>(pool, "anchored", [documentId]);
      return rows;
    },
    async setAnchorMissing(ids, missing) {
      if (ids.length) await run(pool, "anchorMissing", [missing, new Date(), [...ids]]);
    },
    async commentThreads(documentId) {
      const { rows } = await run<{ id: string; detachedAt: Date | null }>(pool, "threads", [documentId]);
      return rows.map((r) => ({ id: r.id, detached: r.detachedAt !== null }));
    },
    async setThreadsDetached(ids, detached) {
      if (!ids.length) return;
      if (detached) await run(pool, "detach", [[...ids], new Date()]);
      else await run(pool, "reattach", [[...ids]]);
    },
    loadApprovals(groupId) {
      return loadGroupApprovals(db, groupId);
    },
    loadBoard(groupId, closedSince) {
      // A read of what the commands write through Prisma, shaped by the same repository the API uses.
      return loadOpenBoard(db, groupId, closedSince);
    },
    close() {
      if (closed) return;
      closed = true;
      const error = new Error("the room store is closed");
      for (const a of queue.splice(0)) a.reject(error);
      for (const id of [...folded.keys()]) dropFolded(id);
      // Ends idle connections now and the busy ones (a commit or compaction finishing) when released.
      void closePgPool(url, poolName).catch(() => undefined);
    },
  };
}
