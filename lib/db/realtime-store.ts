import Database from "better-sqlite3";
import type { ForumAccess } from "./forums.ts";
import { sqlitePath } from "./prepare.ts";
import type { ForumRole } from "./types.ts";

/**
 * The sync server's own SQLite connection: prepared statements for its hot path — who is this,
 * may they open this room, load the room, append to its log. A Prisma query costs milliseconds of
 * CPU on a small machine (its query compiler runs in WebAssembly); these cost microseconds, and a
 * join storm asks hundreds of them a second. WAL mode lets this connection sit beside Prisma's.
 * Tables and columns are Prisma's; rows written here read back through Prisma unchanged.
 */
export function openRealtimeStore(url: string) {
  const sqlite = new Database(sqlitePath(url), { timeout: 10_000 });
  sqlite.pragma("journal_mode = WAL");
  const q = {
    user: sqlite.prepare('SELECT id, name, email, locale, mustChangePassword, sessionVersion FROM "User" WHERE id = ? AND disabledAt IS NULL'),
    document: sqlite.prepare('SELECT id, forumId, groupId, archivedAt FROM "Document" WHERE id = ?'),
    groupForum: sqlite.prepare('SELECT forumId FROM "Group" WHERE id = ? AND archivedAt IS NULL'),
    forum: sqlite.prepare('SELECT id, slug, name, description FROM "Forum" WHERE id = ?'),
    forumRole: sqlite.prepare('SELECT role FROM "ForumMember" WHERE forumId = ? AND userId = ?'),
    memberships: sqlite.prepare(
      'SELECT m.groupId AS groupId, g.kind AS kind FROM "Membership" m JOIN "Group" g ON g.id = m.groupId WHERE m.userId = ? AND g.forumId = ? AND g.archivedAt IS NULL',
    ),
    docState: sqlite.prepare('SELECT title, state FROM "Document" WHERE id = ?'),
    docUpdates: sqlite.prepare('SELECT id, data FROM "DocumentUpdate" WHERE documentId = ? ORDER BY id'),
    anchored: sqlite.prepare('SELECT id, groupId, anchorBlockId, anchorMissing FROM "ActionItem" WHERE anchorDocumentId = ?'),
    append: sqlite.prepare('INSERT INTO "DocumentUpdate" ("documentId", "data", "createdAt") VALUES (?, ?, ?)'),
  };
  type UserRow = { id: string; name: string; email: string; locale: string; mustChangePassword: number; sessionVersion: number };
  return {
    /** The active user, as session checks need it. */
    user(id: string) {
      const r = q.user.get(id) as UserRow | undefined;
      return r ? { ...r, mustChangePassword: Boolean(r.mustChangePassword) } : null;
    },
    document(id: string) {
      return (q.document.get(id) as { id: string; forumId: string; groupId: string; archivedAt: string | null } | undefined) ?? null;
    },
    groupForum(id: string) {
      return (q.groupForum.get(id) as { forumId: string } | undefined) ?? null;
    },
    /** The user's standing in a forum, or null when they are not a member. */
    forumAccess(userId: string, forumId: string): ForumAccess | null {
      const role = q.forumRole.get(forumId, userId) as { role: ForumRole } | undefined;
      const forum = q.forum.get(forumId) as ForumAccess["forum"] | undefined;
      if (!role || !forum) return null;
      const groups = q.memberships.all(userId, forumId) as { groupId: string; kind: string }[];
      return { userId, forum, role: role.role, groupIds: groups.map((g) => g.groupId), groupKinds: groups.map((g) => g.kind) };
    },
    /** Snapshot plus the update log written after it, oldest first. */
    documentState(id: string) {
      const doc = q.docState.get(id) as { title: string; state: Buffer | null } | undefined;
      const updates = q.docUpdates.all(id) as { id: number; data: Buffer }[];
      return { title: doc?.title ?? "", snapshot: doc?.state ?? null, updates };
    },
    anchoredItems(documentId: string) {
      return (q.anchored.all(documentId) as { id: string; groupId: string; anchorBlockId: string | null; anchorMissing: number }[]).map((r) => ({
        ...r,
        anchorMissing: Boolean(r.anchorMissing),
      }));
    },
    /** Appends one update row; returns its id. Durable when it returns. */
    append(documentId: string, data: Uint8Array): number {
      const at = new Date().toISOString().replace("Z", "+00:00");
      return Number(q.append.run(documentId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), at).lastInsertRowid);
    },
    close() {
      sqlite.close();
    },
  };
}

export type RealtimeStore = ReturnType<typeof openRealtimeStore>;
