import Database from "better-sqlite3";
import type { SessionUser } from "../auth/session.ts";
import type { ActorStanding } from "../policies/actor.ts";
import type { TallyIncrement } from "../realtime/edit-stretches.ts";
import type { AnchoredItem, RoomStore } from "../realtime/room-store.ts";
import { indexDocumentText } from "../search/index.ts";
import { loadOpenBoard } from "./actions.ts";
import { loadGroupApprovals } from "./approvals.ts";
import type { Db } from "./client.ts";
import { sqlitePath } from "./prepare.ts";

/**
 * A DateTime as Prisma's SQLite adapter writes it (ISO text with "+00:00", not "Z"), so rows
 * written here read back through Prisma unchanged. Booleans are stored as 0/1.
 */
function prismaDateTime(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

const isBusy = (error: unknown) => typeof (error as { code?: unknown })?.code === "string" && (error as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * Runs a write on this connection without ever blocking the event loop on a lock. better-sqlite3 is
 * synchronous: with a busy timeout it would spin while Prisma (same process, other connection)
 * holds a write transaction across an await — and Prisma could never reach its COMMIT, so both
 * would stall until the timeout. With no busy timeout a locked database fails at once and the
 * write is tried again after a short async pause, during which Prisma commits.
 */
async function withoutBlocking<T>(write: () => T): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || attempt >= 400) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(25, 1 + attempt)));
    }
  }
}

/**
 * The sync server's RoomStore on SQLite: its own better-sqlite3 connection with prepared statements
 * for every read and write of the rooms. A Prisma query costs milliseconds of CPU on a small
 * machine (its query compiler runs in WebAssembly); these cost microseconds, and a join storm asks
 * hundreds of them a second. WAL mode lets this connection sit beside Prisma's. Tables and columns
 * are Prisma's. Only the board load reads through Prisma (`db`): it is what the commands write.
 */
export function openRoomStore(url: string, db: Db): RoomStore {
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
    append: sqlite.prepare('INSERT INTO "DocumentUpdate" ("documentId", "data", "createdAt") VALUES (?, ?, ?)'),
    // A tally deleted by a grouped notice mid-stretch starts again at one change: those edits are news.
    tally: sqlite.prepare(
      'INSERT INTO "DocumentEditTally" ("documentId", "userId", "changes", "lastEditAt") VALUES (@documentId, @userId, MAX(@changes, 1), @at) ' +
        'ON CONFLICT ("documentId", "userId") DO UPDATE SET "changes" = "changes" + @changes, "lastEditAt" = MAX("lastEditAt", @at)',
    ),
    editors: sqlite.prepare('SELECT userId, lastEditAt FROM "DocumentEditTally" WHERE documentId = ?'),
    // Prisma's `update` sets @updatedAt; so does this, to keep the column's meaning.
    snapshot: sqlite.prepare('UPDATE "Document" SET "state" = ?, "excerpt" = ?, "updatedAt" = ? WHERE id = ?'),
    dropFolded: sqlite.prepare('DELETE FROM "DocumentUpdate" WHERE documentId = ? AND id <= ?'),
    anchored: sqlite.prepare(
      'SELECT id, groupId, anchorBlockId, anchorMissing, anchorText FROM "ActionItem" WHERE anchorDocumentId = ? AND anchorBlockId IS NOT NULL',
    ),
    anchorMissing: sqlite.prepare('UPDATE "ActionItem" SET "anchorMissing" = ?, "updatedAt" = ? WHERE id = ? AND "anchorMissing" <> ?'),
    threads: sqlite.prepare('SELECT id, detachedAt FROM "CommentThread" WHERE documentId = ?'),
    detach: sqlite.prepare('UPDATE "CommentThread" SET "detachedAt" = ? WHERE id = ? AND "detachedAt" IS NULL'),
    reattach: sqlite.prepare('UPDATE "CommentThread" SET "detachedAt" = NULL WHERE id = ? AND "detachedAt" IS NOT NULL'),
  };
  const appendWithTallies = sqlite.transaction((documentId: string, data: Uint8Array, tallies: readonly TallyIncrement[]) => {
    const id = Number(q.append.run(documentId, asBuffer(data), prismaDateTime()).lastInsertRowid);
    for (const t of tallies) q.tally.run({ documentId, userId: t.userId, changes: t.changes, at: prismaDateTime(t.lastEditAt) });
    return id;
  });
  const compact = sqlite.transaction((documentId: string, state: Uint8Array, upToUpdateId: number, excerpt: string) => {
    q.snapshot.run(asBuffer(state), excerpt, prismaDateTime(), documentId);
    q.dropFolded.run(documentId, upToUpdateId);
  });
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
    async appendUpdate(documentId, data, tallies = []) {
      if (tallies.length) return withoutBlocking(() => appendWithTallies(documentId, data, tallies));
      return withoutBlocking(() => Number(q.append.run(documentId, asBuffer(data), prismaDateTime()).lastInsertRowid));
    },
    async updateIds(documentId, upToUpdateId) {
      return (q.updateIds.all(documentId, upToUpdateId) as { id: number }[]).map((r) => r.id);
    },
    async compactDocument(documentId, { state, upToUpdateId, excerpt }) {
      await withoutBlocking(() => compact(documentId, state, upToUpdateId, excerpt));
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
      sqlite.close();
    },
  };
}
