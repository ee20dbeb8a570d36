import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type { SessionUser } from "../auth/session.ts";
import type { ActorStanding } from "../policies/actor.ts";
import type { AnchoredItem, RoomStore } from "../realtime/room-store.ts";
import { indexDocumentText } from "../search/index.ts";
import { loadOpenBoard } from "./actions.ts";
import { loadGroupApprovals } from "./approvals.ts";
import type { Db } from "./client.ts";
import { isPostgresUrl } from "./dialect.ts";
import { sqlitePath } from "./prepare.ts";
import { openPostgresRoomStore } from "./room-store-pg.ts";
import { prismaDateTime, withoutBlocking } from "./room-sql.ts";
import type { WriterReply, WriterRequest } from "./room-writer.ts";

/** The writer thread's end, as the main thread sees it: one request, one promise. */
function openWriter(file: string) {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const settleAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  function spawn(): Worker {
    const w = new Worker(new URL("./ts-worker.mjs", import.meta.url), {
      workerData: { entry: new URL("./room-writer.ts", import.meta.url).href, file },
    });
    w.on("message", (reply: WriterReply) => {
      const pending = waiting.get(reply.id);
      if (!pending) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(Object.assign(new Error(reply.message), { code: reply.code }));
    });
    // A writer that dies fails what it was asked; the next request starts a new one (the caller retries).
    const gone = (error: Error) => {
      if (worker === w) worker = null;
      settleAll(error);
    };
    w.on("error", gone);
    w.on("exit", (code) => gone(new Error(`the room writer thread exited (${code})`)));
    w.unref();
    return w;
  }
  return {
    /** Starts the thread now (with the server) rather than on the first write. */
    start() {
      worker ??= spawn();
    },
    request<T>(message: DistributiveOmit<WriterRequest, "id">): Promise<T> {
      worker ??= spawn();
      const id = nextId++;
      // Referenced while it owes an answer, so a pending write keeps the process alive.
      worker.ref();
      const answer = new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
      worker.postMessage({ ...message, id });
      return answer;
    },
    close() {
      const w = worker;
      worker = null;
      settleAll(new Error("the room store is closed"));
      void w?.terminate();
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The sync server's RoomStore on the database `url` names: a SQLite file, or PostgreSQL (room-store-pg.ts). */
export function openRoomStore(url: string, db: Db): RoomStore {
  return isPostgresUrl(url) ? openPostgresRoomStore(url, db) : openSqliteRoomStore(url, db);
}

/**
 * The sync server's RoomStore on SQLite: its own better-sqlite3 connection with prepared statements
 * for every read and write of the rooms. A Prisma query costs milliseconds of CPU on a small
 * machine (its query compiler runs in WebAssembly); these cost microseconds, and a join storm asks
 * hundreds of them a second. WAL mode lets this connection sit beside Prisma's. Tables and columns
 * are Prisma's. Only the board load reads through Prisma (`db`): it is what the commands write.
 */
export function openSqliteRoomStore(url: string, db: Db): RoomStore {
  const sqlite = new Database(sqlitePath(url), { timeout: 0 });
  sqlite.pragma("journal_mode = WAL");
  const q = {
    user: sqlite.prepare('SELECT id, name, email, locale, mustChangePassword, sessionVersion FROM "User" WHERE id = ? AND disabledAt IS NULL'),
    document: sqlite.prepare('SELECT forumId, groupId, archivedAt FROM "Document" WHERE id = ?'),
    groupForum: sqlite.prepare('SELECT forumId FROM "Group" WHERE id = ? AND archivedAt IS NULL'),
    forumRole: sqlite.prepare('SELECT role FROM "ForumMember" WHERE forumId = ? AND userId = ?'),
    memberships: sqlite.prepare(
      'SELECT m.groupId AS groupId FROM "Membership" m JOIN "Group" g ON g.id = m.groupId WHERE m.userId = ? AND g.forumId = ? AND g.archivedAt IS NULL',
    ),
    docState: sqlite.prepare('SELECT title, state FROM "Document" WHERE id = ?'),
    docUpdates: sqlite.prepare('SELECT id, data FROM "DocumentUpdate" WHERE documentId = ? ORDER BY id'),
    updateIds: sqlite.prepare('SELECT id FROM "DocumentUpdate" WHERE documentId = ? AND id <= ? ORDER BY id'),
    editors: sqlite.prepare('SELECT userId, lastEditAt FROM "DocumentEditTally" WHERE documentId = ?'),
    anchored: sqlite.prepare(
      'SELECT id, groupId, anchorBlockId, anchorMissing, anchorText FROM "ActionItem" WHERE anchorDocumentId = ? AND anchorBlockId IS NOT NULL',
    ),
    anchorMissing: sqlite.prepare('UPDATE "ActionItem" SET "anchorMissing" = ?, "updatedAt" = ? WHERE id = ? AND "anchorMissing" <> ?'),
    threads: sqlite.prepare('SELECT id, detachedAt FROM "CommentThread" WHERE documentId = ?'),
    detach: sqlite.prepare('UPDATE "CommentThread" SET "detachedAt" = ? WHERE id = ? AND "detachedAt" IS NULL'),
    reattach: sqlite.prepare('UPDATE "CommentThread" SET "detachedAt" = NULL WHERE id = ? AND "detachedAt" IS NOT NULL'),
  };
  const writer = openWriter(sqlitePath(url));
  writer.start();
  const markAnchors = sqlite.transaction((ids: readonly string[], missing: number) => {
    const at = prismaDateTime();
    for (const id of ids) q.anchorMissing.run(missing, at, id, missing);
  });

  const markThreads = sqlite.transaction((ids: readonly string[], detached: boolean) => {
    const at = prismaDateTime();
    for (const id of ids) {
      if (detached) q.detach.run(at, id);
      else q.reattach.run(id);
    }
  });

  type UserRow = Omit<SessionUser, "mustChangePassword"> & { mustChangePassword: number };
  return {
    async sessionUser(id) {
      const r = q.user.get(id) as UserRow | undefined;
      return r ? { ...r, mustChangePassword: Boolean(r.mustChangePassword) } : null;
    },
    async standing(userId, forumId): Promise<ActorStanding | null> {
      const member = q.forumRole.get(forumId, userId) as { role: ActorStanding["role"] } | undefined;
      if (!member) return null;
      const groups = q.memberships.all(userId, forumId) as { groupId: string }[];
      return { userId, role: member.role, groupIds: groups.map((g) => g.groupId) };
    },
    async documentFacts(id) {
      const r = q.document.get(id) as { forumId: string; groupId: string; archivedAt: string | null } | undefined;
      return r ? { forumId: r.forumId, groupId: r.groupId, archived: r.archivedAt !== null } : null;
    },
    async boardFacts(groupId) {
      return (q.groupForum.get(groupId) as { forumId: string } | undefined) ?? null;
    },
    async loadDocument(id) {
      const doc = q.docState.get(id) as { title: string; state: Buffer | null } | undefined;
      const updates = q.docUpdates.all(id) as { id: number; data: Buffer }[];
      const editors = (q.editors.all(id) as { userId: string; lastEditAt: string }[]).map((e) => ({ userId: e.userId, lastEditAt: new Date(e.lastEditAt) }));
      return { title: doc?.title ?? "", snapshot: doc?.state ?? null, updates, editors };
    },
    appendUpdate(documentId, data, tallies = []) {
      return writer.request<number>({ op: "append", documentId, data, tallies });
    },
    async updateIds(documentId, upToUpdateId) {
      return (q.updateIds.all(documentId, upToUpdateId) as { id: number }[]).map((r) => r.id);
    },
    compactDocument(documentId, upToUpdateId) {
      return writer.request<{ bytes: number }>({ op: "compact", documentId, upToUpdateId });
    },
    async forgetDocument(documentId) {
      await writer.request<null>({ op: "forget", documentId });
    },
    indexDocumentText(documentId, text) {
      // Through Prisma and the search interface, like the commands' index writes (at most twice a
      // second per open document). In a transaction of its own: Prisma's one SQLite connection
      // would otherwise run it inside whatever command transaction is open at that moment.
      return db.$transaction((tx) => indexDocumentText(tx, documentId, text));
    },
    async anchoredItems(documentId): Promise<AnchoredItem[]> {
      const rows = q.anchored.all(documentId) as (Omit<AnchoredItem, "anchorMissing"> & { anchorMissing: number })[];
      return rows.map((r) => ({ ...r, anchorMissing: Boolean(r.anchorMissing) }));
    },
    async setAnchorMissing(ids, missing) {
      if (ids.length) await withoutBlocking(() => markAnchors(ids, missing ? 1 : 0));
    },
    async commentThreads(documentId) {
      return (q.threads.all(documentId) as { id: string; detachedAt: string | null }[]).map((r) => ({ id: r.id, detached: r.detachedAt !== null }));
    },
    async setThreadsDetached(ids, detached) {
      if (ids.length) await withoutBlocking(() => markThreads(ids, detached));
    },
    loadApprovals(groupId) {
      return loadGroupApprovals(db, groupId);
    },
    loadBoard(groupId, closedSince) {
      // A read of what the commands write through Prisma, shaped by the same repository the API uses.
      // Open items (and those closed since `closedSince`): every viewer gets the replica, and a forum's closed items run to thousands.
      return loadOpenBoard(db, groupId, closedSince);
    },
    close() {
      writer.close();
      sqlite.close();
    },
  };
}
