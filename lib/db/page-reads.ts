import path from "node:path";
import Database from "better-sqlite3";
import type { SessionUser } from "../auth/session.ts";
import { env } from "../env.ts";
import { dialectOf, type Dialect } from "./dialect.ts";
import type { ForumAccess } from "./forums.ts";
import { closePgPool, pgPool } from "./pg-pool.ts";
import type { ActionStatus, DocumentKind, DocumentStatus, ForumRole, GroupKind, GroupRole, RaciRole } from "./types.ts";

/**
 * The reads every signed-in page makes (the session's user, the forum standing, the nav's counts)
 * and the group page's own, as prepared statements: better-sqlite3 statements on one read
 * connection for a SQLite file, named (server-side prepared) statements on a small pool of their own
 * for PostgreSQL.
 *
 * Why not Prisma: profiled under S8 (50 concurrent users on the group page), Prisma's query
 * compiler and result mapping took ~40 % of the server's CPU, about 1.5 ms per query, for queries
 * SQLite itself answers in tens of microseconds; a page made ~15 of them. These are the same
 * queries, answered from the database on every request (nothing is cached, so a removed member,
 * a disabled user or a renamed group is seen at once). Tables and columns are Prisma's; on SQLite WAL
 * mode lets this connection read beside Prisma's, and every statement sees the last commit.
 */

/** A DateTime column as Prisma's SQLite adapter writes it (ISO text), or as SQLite's defaults do; or a PostgreSQL timestamp. */
function toDate(value: unknown): Date {
  // PostgreSQL's timestamp(3), read as UTC by pg-pool.ts.
  if (value instanceof Date) return value;
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

/**
 * The statements, written once for both databases: identifiers and aliases quoted (PostgreSQL folds
 * unquoted names to lower case), `?` for a parameter (numbered `$1`, `$2`… for PostgreSQL), a list of
 * ids as one parameter (a JSON array read through json_each on SQLite, a text[] on PostgreSQL).
 */
function statements(dialect: Dialect) {
  const inIds = dialect === "sqlite" ? "IN (SELECT value FROM json_each(?))" : "= ANY(?::text[])";
  // Leads first, on both: PostgreSQL sorts its GroupRole enum by declaration (MEMBER, LEAD), SQLite the text.
  const leadsFirst = `CASE m."role" WHEN 'LEAD' THEN 0 ELSE 1 END`;
  // The order parties were given in (one createMany, often one createdAt): SQLite's rowid; on
  // PostgreSQL the id, a cuid that grows within the process that made them.
  const givenOrder = dialect === "sqlite" ? "r.rowid" : 'r."id"';
  return {
    user: 'SELECT "id", "name", "email", "locale", "mustChangePassword", "sessionVersion" FROM "User" WHERE "id" = ? AND "disabledAt" IS NULL',
    forums: 'SELECT f."id", f."slug", f."name", fm."role" FROM "ForumMember" fm JOIN "Forum" f ON f."id" = fm."forumId" WHERE fm."userId" = ? ORDER BY f."name" ASC, f."id" ASC',
    forumMember:
      'SELECT fm."role", f."id", f."slug", f."name", f."description" FROM "ForumMember" fm JOIN "Forum" f ON f."id" = fm."forumId" WHERE fm."userId" = ? AND f."slug" = ?',
    memberships:
      'SELECT m."groupId", m."role", g."kind" FROM "Membership" m JOIN "Group" g ON g."id" = m."groupId" WHERE m."userId" = ? AND g."forumId" = ? AND g."archivedAt" IS NULL',
    unread: 'SELECT "id", "actionItemId", "documentId" FROM "Notification" WHERE "userId" = ? AND "forumId" = ? AND "readAt" IS NULL',
    openApprovals:
      'SELECT COUNT(*) AS "n" FROM "ApprovalRequest" a JOIN "Document" d ON d."id" = a."documentId" WHERE a."status" = \'OPEN\' AND d."forumId" = ? AND d."archivedAt" IS NULL',
    group: 'SELECT "id", "forumId", "name", "kind", "mandate", "version" FROM "Group" WHERE "id" = ? AND "forumId" = ? AND "archivedAt" IS NULL',
    members: `SELECT u."id", u."name", u."email", m."role" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."groupId" = ? ORDER BY ${leadsFirst}, u."name" ASC, u."id" ASC`,
    documents:
      'SELECT "id", "title", "kind", "status", "excerpt", "updatedAt" FROM "Document" WHERE "groupId" = ? AND "archivedAt" IS NULL ORDER BY "updatedAt" DESC, "id" ASC LIMIT ? OFFSET ?',
    documentCount: 'SELECT COUNT(*) AS "n" FROM "Document" WHERE "groupId" = ? AND "archivedAt" IS NULL',
    documentAreas:
      `SELECT dta."documentId", t."id", t."name" FROM "DocumentTargetArea" dta JOIN "TargetArea" t ON t."id" = dta."targetAreaId" WHERE dta."documentId" ${inIds} ORDER BY t."sortOrder" ASC, t."name" ASC`,
    archived:
      'SELECT "id", "groupId", "title", "kind", "archivedAt", "version" FROM "Document" WHERE "groupId" = ? AND "archivedAt" IS NOT NULL ORDER BY "archivedAt" DESC, "id" ASC LIMIT ? OFFSET ?',
    archivedCount: 'SELECT COUNT(*) AS "n" FROM "Document" WHERE "groupId" = ? AND "archivedAt" IS NOT NULL',
    targetAreas: 'SELECT "id", "name" FROM "TargetArea" WHERE "forumId" = ? AND "archivedAt" IS NULL ORDER BY "sortOrder" ASC, "name" ASC',
    exportActions:
      'SELECT a."id", a."groupId", g."name" AS "groupName", a."title", a."status", o."name" AS "ownerName", a."dueDate", t."name" AS "targetAreaName", a."description" FROM "ActionItem" a ' +
      'JOIN "Group" g ON g."id" = a."groupId" LEFT JOIN "User" o ON o."id" = a."ownerId" LEFT JOIN "TargetArea" t ON t."id" = a."targetAreaId" ' +
      `WHERE a."id" ${inIds}`,
    // In the order they were given (as the board reads them), so a cell lists its parties alike.
    exportParties:
      'SELECT r."actionItemId", r."role", u."name" AS "userName", g."name" AS "groupName" FROM "Responsibility" r LEFT JOIN "User" u ON u."id" = r."userId" ' +
      `LEFT JOIN "Group" g ON g."id" = r."groupId" WHERE r."actionItemId" ${inIds} ORDER BY r."createdAt" ASC, ${givenOrder} ASC`,
  };
}

type StatementName = keyof ReturnType<typeof statements>;

/** Runs the statements on one database. */
interface Statements {
  all<T>(name: StatementName, ...values: unknown[]): Promise<T[]>;
  /** A list of ids as the one parameter `inIds` takes. */
  ids(ids: string[]): unknown;
  close(): Promise<void>;
}

/** The file of a `file:` URL (as prepare.ts's sqlitePath, which Next's bundle cannot import: it reads the migrations folder). */
const fileOf = (url: string) => path.resolve(url.replace(/^file:/, "").split("?")[0]!);

function sqliteStatements(url: string): Statements {
  const sqlite = new Database(fileOf(url), { fileMustExist: true, timeout: 1000 });
  const prepared = Object.fromEntries(Object.entries(statements("sqlite")).map(([name, text]) => [name, sqlite.prepare(text)])) as Record<StatementName, Database.Statement>;
  return {
    all: async <T>(name: StatementName, ...values: unknown[]) => prepared[name].all(...values) as T[],
    ids: (ids) => JSON.stringify(ids),
    close: async () => void sqlite.close(),
  };
}

/** Connections of the page reads' own pool: a page's reads run one or two at a time. */
const POSTGRES_POOL_SIZE = 4;

function postgresStatements(url: string): Statements {
  const pool = pgPool(url, "pages", POSTGRES_POOL_SIZE);
  const texts = statements("postgres");
  for (const name of Object.keys(texts) as StatementName[]) {
    let n = 0;
    texts[name] = texts[name].replace(/\?/g, () => `$${++n}`);
  }
  return {
    // Named: each pooled connection parses and plans a statement once, then only binds and runs it.
    all: async <T>(name: StatementName, ...values: unknown[]) => (await pool.query({ name: `pages.${name}`, text: texts[name], values })).rows as T[],
    ids: (ids) => ids,
    close: () => closePgPool(url, "pages"),
  };
}

function open(url: string) {
  const q = dialectOf(url) === "postgres" ? postgresStatements(url) : sqliteStatements(url);
  const first = async <T>(name: StatementName, ...values: unknown[]) => (await q.all<T>(name, ...values))[0];
  const count = async (name: StatementName, ...values: unknown[]) => Number((await first<{ n: number | bigint }>(name, ...values))!.n);

  return {
    close: q.close,

    /** As findActiveUser: the user, or null when gone or disabled. */
    async activeUser(id: string): Promise<SessionUser | null> {
      const r = await first<Omit<SessionUser, "mustChangePassword"> & { mustChangePassword: number | boolean }>("user", id);
      return r ? { ...r, mustChangePassword: Boolean(r.mustChangePassword) } : null;
    },

    /** As listForumsForUser. */
    async forumsForUser(userId: string): Promise<{ id: string; slug: string; name: string; role: ForumRole }[]> {
      return q.all("forums", userId);
    },

    /** As findForumAccess (by slug): the forum and the user's standing in it, or null. */
    async forumAccess(userId: string, slug: string): Promise<ForumAccess | null> {
      const member = await first<{ role: ForumRole; id: string; slug: string; name: string; description: string }>("forumMember", userId, slug);
      if (!member) return null;
      const memberships = await q.all<{ groupId: string; role: GroupRole; kind: GroupKind }>("memberships", userId, member.id);
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
    async unreadNotices(userId: string, forumId: string): Promise<{ id: string; actionItemId: string | null; documentId: string | null }[]> {
      return q.all("unread", userId, forumId);
    },

    /** As countOpenApprovals. */
    async openApprovals(forumId: string): Promise<number> {
      return count("openApprovals", forumId);
    },

    /** An active group of the forum with its members, or null. */
    async groupHead(forumId: string, groupId: string): Promise<GroupHead | null> {
      const [group, members] = await Promise.all([first<Omit<GroupHead, "members">>("group", groupId, forumId), q.all<GroupHead["members"][number]>("members", groupId)]);
      return group ? { ...group, members } : null;
    },

    /** A page of the group's documents, most recently changed first, with their target areas. */
    async groupDocuments(groupId: string, offset: number, limit: number): Promise<Page<GroupDocumentRow>> {
      const [rows, total] = await Promise.all([
        q.all<Omit<GroupDocumentRow, "updatedAt" | "targetAreas"> & { updatedAt: unknown }>("documents", groupId, limit, offset),
        count("documentCount", groupId),
      ]);
      const areas = new Map<string, { id: string; name: string }[]>();
      if (rows.length) {
        for (const a of await q.all<{ documentId: string; id: string; name: string }>("documentAreas", q.ids(rows.map((r) => r.id)))) {
          const list = areas.get(a.documentId) ?? [];
          list.push({ id: a.id, name: a.name });
          areas.set(a.documentId, list);
        }
      }
      return { items: rows.map((r) => ({ ...r, updatedAt: toDate(r.updatedAt), targetAreas: areas.get(r.id) ?? [] })), total };
    },

    /** A page of the group's archive, most recently archived first. */
    async archivedDocuments(groupId: string, offset: number, limit: number): Promise<Page<ArchivedDocumentRow>> {
      const [rows, total] = await Promise.all([
        q.all<Omit<ArchivedDocumentRow, "archivedAt"> & { archivedAt: unknown }>("archived", groupId, limit, offset),
        count("archivedCount", groupId),
      ]);
      return { items: rows.map((r) => ({ ...r, archivedAt: toDate(r.archivedAt) })), total };
    },

    /** The forum's active target areas (id and name), in their order. */
    async targetAreas(forumId: string): Promise<{ id: string; name: string }[]> {
      return q.all("targetAreas", forumId);
    },

    /**
     * What the action CSV prints of each item, in the order of `ids` (which the caller read for the
     * viewer through listActionIds): two statements for any number of items, the ids as one
     * parameter. Ids that are gone by now are left out.
     */
    async exportActions(ids: string[]): Promise<ActionExportRow[]> {
      const list = q.ids(ids);
      const [actions, parties] = await Promise.all([
        q.all<Omit<ActionExportRow, "dueDate" | "raci"> & { dueDate: unknown }>("exportActions", list),
        q.all<{ actionItemId: string } & ActionExportRow["raci"][number]>("exportParties", list),
      ]);
      const byId = new Map<string, ActionExportRow>();
      for (const r of actions) byId.set(r.id, { ...r, dueDate: r.dueDate === null ? null : toDate(r.dueDate).toISOString().slice(0, 10), raci: [] });
      for (const p of parties) byId.get(p.actionItemId)?.raci.push({ role: p.role, userName: p.userName, groupName: p.groupName });
      return ids.map((id) => byId.get(id)).filter((r): r is ActionExportRow => r !== undefined);
    },
  };
}

export type PageReads = ReturnType<typeof open>;

const KEY = Symbol.for("samrad.pageReads");
const holder = globalThis as unknown as Record<symbol, Map<string, PageReads> | undefined>;

/**
 * The page reads on a database (the app's by default): one SQLite connection or one PostgreSQL pool
 * per database and process.
 */
export function pageReads(url: string = env().DATABASE_URL): PageReads {
  const map = (holder[KEY] ??= new Map());
  let reads = map.get(url);
  if (!reads) {
    const opened = open(url);
    reads = {
      ...opened,
      // Closed reads are forgotten: the next call opens the database again.
      close: async () => {
        if (map.get(url) === reads) map.delete(url);
        await opened.close();
      },
    };
    map.set(url, reads);
  }
  return reads;
}
