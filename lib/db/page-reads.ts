import path from "node:path";
import Database from "better-sqlite3";
import type { SessionUser } from "../auth/session.ts";
import { env } from "../env.ts";
import type { ForumAccess } from "./forums.ts";
import type { ActionStatus, DocumentKind, DocumentStatus, ForumRole, GroupKind, GroupRole, RaciRole } from "./types.ts";

/**
 * The reads every signed-in page makes (the session's user, the forum standing, the nav's counts)
 * and the group page's own, as prepared better-sqlite3 statements on one read connection.
 *
 * Why not Prisma: profiled under S8 (50 concurrent users on the group page), Prisma's query
 * compiler and result mapping took ~40 % of the server's CPU, about 1.5 ms per query, for queries
 * SQLite itself answers in tens of microseconds; a page made ~15 of them. These are the same
 * queries, answered from the database on every request (nothing is cached, so a removed member,
 * a disabled user or a renamed group is seen at once). Tables and columns are Prisma's; WAL mode
 * lets this connection read beside Prisma's, and every statement sees the last commit.
 */

/** A DateTime column as Prisma's SQLite adapter writes it (ISO text), or as SQLite's defaults do. */
function toDate(value: unknown): Date {
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  // CURRENT_TIMESTAMP ("YYYY-MM-DD HH:MM:SS") is UTC without a zone.
  return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text);
}

export interface GroupHead {
  id: string;
  forumId: string;
  name: string;
  kind: GroupKind;
  mandate: string;
  version: number;
  /** Leads first, then by name. */
  members: { id: string; name: string; email: string; role: GroupRole }[];
}

export interface GroupDocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  excerpt: string;
  updatedAt: Date;
  targetAreas: { id: string; name: string }[];
}

export interface ArchivedDocumentRow {
  id: string;
  groupId: string;
  title: string;
  kind: DocumentKind;
  archivedAt: Date;
  version: number;
}

/** An action item as the CSV prints it. */
export interface ActionExportRow {
  id: string;
  groupId: string;
  groupName: string;
  title: string;
  status: ActionStatus;
  ownerName: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  targetAreaName: string | null;
  description: string;
  /** A party is a person (userName) or a group (groupName). */
  raci: { role: RaciRole; userName: string | null; groupName: string | null }[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The file of a `file:` URL (as prepare.ts's sqlitePath, which Next's bundle cannot import: it reads the migrations folder). */
const fileOf = (url: string) => path.resolve(url.replace(/^file:/, "").split("?")[0]!);

function open(url: string) {
  const sqlite = new Database(fileOf(url), { fileMustExist: true, timeout: 1000 });
  const q = {
    user: sqlite.prepare('SELECT id, name, email, locale, mustChangePassword, sessionVersion FROM "User" WHERE id = ? AND disabledAt IS NULL'),
    forums: sqlite.prepare('SELECT f.id, f.slug, f.name, fm.role FROM "ForumMember" fm JOIN "Forum" f ON f.id = fm.forumId WHERE fm.userId = ? ORDER BY f.name ASC, f.id ASC'),
    forumMember: sqlite.prepare(
      'SELECT fm.role, f.id, f.slug, f.name, f.description FROM "ForumMember" fm JOIN "Forum" f ON f.id = fm.forumId WHERE fm.userId = ? AND f.slug = ?',
    ),
    memberships: sqlite.prepare(
      'SELECT m.groupId, m.role, g.kind FROM "Membership" m JOIN "Group" g ON g.id = m.groupId WHERE m.userId = ? AND g.forumId = ? AND g.archivedAt IS NULL',
    ),
    unread: sqlite.prepare('SELECT id, actionItemId, documentId FROM "Notification" WHERE userId = ? AND forumId = ? AND readAt IS NULL'),
    openApprovals: sqlite.prepare(
      'SELECT COUNT(*) AS n FROM "ApprovalRequest" a JOIN "Document" d ON d.id = a.documentId WHERE a.status = \'OPEN\' AND d.forumId = ? AND d.archivedAt IS NULL',
    ),
    group: sqlite.prepare('SELECT id, forumId, name, kind, mandate, version FROM "Group" WHERE id = ? AND forumId = ? AND archivedAt IS NULL'),
    // "LEAD" sorts before "MEMBER": leads first.
    members: sqlite.prepare('SELECT u.id, u.name, u.email, m.role FROM "Membership" m JOIN "User" u ON u.id = m.userId WHERE m.groupId = ? ORDER BY m.role ASC, u.name ASC, u.id ASC'),
    documents: sqlite.prepare(
      'SELECT id, title, kind, status, excerpt, updatedAt FROM "Document" WHERE groupId = ? AND archivedAt IS NULL ORDER BY updatedAt DESC, id ASC LIMIT ? OFFSET ?',
    ),
    documentCount: sqlite.prepare('SELECT COUNT(*) AS n FROM "Document" WHERE groupId = ? AND archivedAt IS NULL'),
    documentAreas: sqlite.prepare(
      'SELECT dta.documentId, t.id, t.name FROM "DocumentTargetArea" dta JOIN "TargetArea" t ON t.id = dta.targetAreaId WHERE dta.documentId IN (SELECT value FROM json_each(?)) ORDER BY t.sortOrder ASC, t.name ASC',
    ),
    archived: sqlite.prepare(
      'SELECT id, groupId, title, kind, archivedAt, version FROM "Document" WHERE groupId = ? AND archivedAt IS NOT NULL ORDER BY archivedAt DESC, id ASC LIMIT ? OFFSET ?',
    ),
    archivedCount: sqlite.prepare('SELECT COUNT(*) AS n FROM "Document" WHERE groupId = ? AND archivedAt IS NOT NULL'),
    targetAreas: sqlite.prepare('SELECT id, name FROM "TargetArea" WHERE forumId = ? AND archivedAt IS NULL ORDER BY sortOrder ASC, name ASC'),
    exportActions: sqlite.prepare(
      'SELECT a.id, a.groupId, g.name AS groupName, a.title, a.status, o.name AS ownerName, a.dueDate, t.name AS targetAreaName, a.description FROM "ActionItem" a ' +
        'JOIN "Group" g ON g.id = a.groupId LEFT JOIN "User" o ON o.id = a.ownerId LEFT JOIN "TargetArea" t ON t.id = a.targetAreaId ' +
        'WHERE a.id IN (SELECT value FROM json_each(?))',
    ),
    // In the order they were given (as the board reads them), so a cell lists its parties alike.
    exportParties: sqlite.prepare(
      'SELECT r.actionItemId, r.role, u.name AS userName, g.name AS groupName FROM "Responsibility" r LEFT JOIN "User" u ON u.id = r.userId ' +
        'LEFT JOIN "Group" g ON g.id = r.groupId WHERE r.actionItemId IN (SELECT value FROM json_each(?)) ORDER BY r.createdAt ASC, r.rowid ASC',
    ),
  };
  const count = (stmt: Database.Statement, ...args: unknown[]) => Number((stmt.get(...args) as { n: number }).n);

  return {
    close: () => sqlite.close(),

    /** As findActiveUser: the user, or null when gone or disabled. */
    activeUser(id: string): SessionUser | null {
      const r = q.user.get(id) as (Omit<SessionUser, "mustChangePassword"> & { mustChangePassword: number }) | undefined;
      return r ? { ...r, mustChangePassword: Boolean(r.mustChangePassword) } : null;
    },

    /** As listForumsForUser. */
    forumsForUser(userId: string): { id: string; slug: string; name: string; role: ForumRole }[] {
      return q.forums.all(userId) as { id: string; slug: string; name: string; role: ForumRole }[];
    },

    /** As findForumAccess (by slug): the forum and the user's standing in it, or null. */
    forumAccess(userId: string, slug: string): ForumAccess | null {
      const member = q.forumMember.get(userId, slug) as { role: ForumRole; id: string; slug: string; name: string; description: string } | undefined;
      if (!member) return null;
      const memberships = q.memberships.all(userId, member.id) as { groupId: string; role: GroupRole; kind: GroupKind }[];
      return {
        userId,
        forum: { id: member.id, slug: member.slug, name: member.name, description: member.description },
        role: member.role,
        groupIds: memberships.map((m) => m.groupId),
        leadGroupIds: memberships.filter((m) => m.role === "LEAD").map((m) => m.groupId),
        groupKinds: memberships.map((m) => m.kind),
      };
    },

    /** As unreadNotices. */
    unreadNotices(userId: string, forumId: string): { id: string; actionItemId: string | null; documentId: string | null }[] {
      return q.unread.all(userId, forumId) as { id: string; actionItemId: string | null; documentId: string | null }[];
    },

    /** As countOpenApprovals. */
    openApprovals(forumId: string): number {
      return count(q.openApprovals, forumId);
    },

    /** An active group of the forum with its members, or null. */
    groupHead(forumId: string, groupId: string): GroupHead | null {
      const group = q.group.get(groupId, forumId) as Omit<GroupHead, "members"> | undefined;
      if (!group) return null;
      return { ...group, members: q.members.all(groupId) as GroupHead["members"] };
    },

    /** A page of the group's documents, most recently changed first, with their target areas. */
    groupDocuments(groupId: string, offset: number, limit: number): Page<GroupDocumentRow> {
      const rows = q.documents.all(groupId, limit, offset) as (Omit<GroupDocumentRow, "updatedAt" | "targetAreas"> & { updatedAt: unknown })[];
      const areas = new Map<string, { id: string; name: string }[]>();
      if (rows.length) {
        for (const a of q.documentAreas.all(JSON.stringify(rows.map((r) => r.id))) as { documentId: string; id: string; name: string }[]) {
          const list = areas.get(a.documentId) ?? [];
          list.push({ id: a.id, name: a.name });
          areas.set(a.documentId, list);
        }
      }
      return {
        items: rows.map((r) => ({ ...r, updatedAt: toDate(r.updatedAt), targetAreas: areas.get(r.id) ?? [] })),
        total: count(q.documentCount, groupId),
      };
    },

    /** A page of the group's archive, most recently archived first. */
    archivedDocuments(groupId: string, offset: number, limit: number): Page<ArchivedDocumentRow> {
      const rows = q.archived.all(groupId, limit, offset) as (Omit<ArchivedDocumentRow, "archivedAt"> & { archivedAt: unknown })[];
      return { items: rows.map((r) => ({ ...r, archivedAt: toDate(r.archivedAt) })), total: count(q.archivedCount, groupId) };
    },

    /** The forum's active target areas (id and name), in their order. */
    targetAreas(forumId: string): { id: string; name: string }[] {
      return q.targetAreas.all(forumId) as { id: string; name: string }[];
    },

    /**
     * What the action CSV prints of each item, in the order of `ids` (which the caller read for the
     * viewer through listActionIds): two statements for any number of items, the ids as one JSON
     * parameter. Ids that are gone by now are left out.
     */
    exportActions(ids: string[]): ActionExportRow[] {
      const json = JSON.stringify(ids);
      const byId = new Map<string, ActionExportRow>();
      for (const r of q.exportActions.all(json) as (Omit<ActionExportRow, "dueDate" | "raci"> & { dueDate: unknown })[]) {
        byId.set(r.id, { ...r, dueDate: r.dueDate === null ? null : toDate(r.dueDate).toISOString().slice(0, 10), raci: [] });
      }
      for (const p of q.exportParties.all(json) as ({ actionItemId: string } & ActionExportRow["raci"][number])[]) {
        byId.get(p.actionItemId)?.raci.push({ role: p.role, userName: p.userName, groupName: p.groupName });
      }
      return ids.map((id) => byId.get(id)).filter((r): r is ActionExportRow => r !== undefined);
    },
  };
}

export type PageReads = ReturnType<typeof open>;

const KEY = Symbol.for("samrad.pageReads");
const holder = globalThis as unknown as Record<symbol, Map<string, PageReads> | undefined>;

/** The page reads on a database (the app's by default); one connection per file and process. */
export function pageReads(url: string = env().DATABASE_URL): PageReads {
  const map = (holder[KEY] ??= new Map());
  let reads = map.get(url);
  if (!reads) {
    reads = open(url);
    map.set(url, reads);
  }
  return reads;
}
