import { appendAudit, appendUserAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient, ForumRole } from "./types.ts";

const userPublic = { id: true, name: true, email: true, locale: true, mustChangePassword: true, sessionVersion: true } as const;

/** What sign-in needs: the hash and whether the account may sign in. An erased person is no account (attempts on it are not audited). */
export async function findUserForSignIn(db: DbClient, email: string) {
  return db.user.findFirst({
    where: { email, erasedAt: null },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true, disabledAt: true, mustChangePassword: true, oneTimePasswordExpiresAt: true },
  });
}

/** The signed-in user as pages see it, or null when gone or disabled. */
export async function findActiveUser(db: DbClient, id: string) {
  return db.user.findFirst({ where: { id, disabledAt: null }, select: userPublic });
}

export async function findUserByEmail(db: DbClient, email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
}

export async function findUserLocale(db: DbClient, id: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id }, select: { locale: true } }))?.locale ?? null;
}

export async function findUserPasswordHash(db: DbClient, id: string) {
  return db.user.findUnique({ where: { id }, select: { passwordHash: true } });
}

/** Users of a forum with their forum role and groups, by name. */
export async function listForumUsers(db: DbClient, forumId: string) {
  const rows = await db.forumMember.findMany({
    where: { forumId },
    orderBy: { user: { name: "asc" } },
    select: {
      role: true,
      user: {
        select: {
          id: true, name: true, email: true, mustChangePassword: true, oneTimePasswordExpiresAt: true,
          memberships: { where: { group: { forumId, archivedAt: null } }, select: { group: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.user.id, name: r.user.name, email: r.user.email, role: r.role,
    pendingPassword: r.user.mustChangePassword,
    oneTimePasswordExpiresAt: r.user.mustChangePassword ? r.user.oneTimePasswordExpiresAt : null,
    groups: r.user.memberships.map((m) => m.group),
  }));
}

export async function findForumMemberByEmail(db: DbClient, forumId: string, email: string) {
  return db.forumMember.findFirst({ where: { forumId, user: { email } }, select: { id: true } });
}

export async function findForumMember(db: DbClient, forumId: string, userId: string) {
  return db.forumMember.findUnique({ where: { forumId_userId: { forumId, userId } }, select: { id: true, role: true } });
}

export async function countUserForums(db: DbClient, userId: string) {
  return db.forumMember.count({ where: { userId } });
}

export async function countForumAdmins(db: DbClient, forumId: string) {
  return db.forumMember.count({ where: { forumId, role: "ADMIN" } });
}

/** Creates a user with a one-time password hash and adds them to the forum. */
export async function createUserInForum(
  tx: DbClient, actor: Actor | null, forumId: string,
  data: { name: string; email: string; passwordHash: string; forumRole: ForumRole; mustChangePassword: boolean; oneTimePasswordExpiresAt?: Date | null },
) {
  const user = await tx.user.create({
    data: {
      name: data.name, email: data.email, passwordHash: data.passwordHash, mustChangePassword: data.mustChangePassword,
      oneTimePasswordExpiresAt: data.oneTimePasswordExpiresAt ?? null,
    },
    select: { id: true, name: true, email: true },
  });
  await tx.forumMember.create({ data: { forumId, userId: user.id, role: data.forumRole } });
  await appendAudit(tx, {
    forumId, actorId: actor?.userId ?? null, ip: actor?.ip ?? null, action: "user.create", entityType: "User", entityId: user.id,
    after: { ...user, forumRole: data.forumRole },
  });
  return user;
}

export async function setForumRole(tx: DbClient, actor: Actor, forumId: string, userId: string, role: ForumRole) {
  const before = await tx.forumMember.findUnique({ where: { forumId_userId: { forumId, userId } }, select: { id: true, userId: true, role: true } });
  if (!before) return null;
  const after = await tx.forumMember.update({ where: { id: before.id }, data: { role }, select: { id: true, userId: true, role: true } });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "forum.role", entityType: "ForumMember", entityId: before.id, before, after });
  return after;
}

/** Sets a new one-time password (admin reset); the user must choose their own at next sign-in. */
export async function resetPassword(tx: DbClient, actor: Actor, forumId: string, userId: string, passwordHash: string, expiresAt: Date) {
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash, mustChangePassword: true, oneTimePasswordExpiresAt: expiresAt, sessionVersion: { increment: 1 } },
  });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "user.password.reset", entityType: "User", entityId: userId });
}

export async function updateAccount(tx: DbClient, actor: Actor, data: { name?: string; locale?: string }) {
  const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, locale: true } });
  const after = await tx.user.update({ where: { id: actor.userId }, data, select: { name: true, locale: true } });
  await appendUserAudit(tx, actor.userId, { actorId: actor.userId, ip: actor.ip, action: "account.update", entityType: "User", entityId: actor.userId, before, after });
  return after;
}

/** Stores a new own password; every other session of the user ends (sessionVersion moves on). */
export async function changeOwnPassword(tx: DbClient, actor: Actor, passwordHash: string) {
  const user = await tx.user.update({
    where: { id: actor.userId },
    data: { passwordHash, mustChangePassword: false, oneTimePasswordExpiresAt: null, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await appendUserAudit(tx, actor.userId, { actorId: actor.userId, ip: actor.ip, action: "account.password.change", entityType: "User", entityId: actor.userId });
  return user;
}

/**
 * Ends every session of the user (sign-out): moves sessionVersion on, but only from the version the
 * signing-out session carries, so a stale token replayed at sign-out ends nothing. True when it did.
 */
export async function endSessions(tx: DbClient, actor: Actor, fromVersion: number): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: actor.userId, sessionVersion: fromVersion },
    data: { sessionVersion: { increment: 1 } },
  });
  if (count === 0) return false;
  await appendUserAudit(tx, actor.userId, { actorId: actor.userId, ip: actor.ip, action: "account.signout", entityType: "User", entityId: actor.userId });
  return true;
}

/**
 * A sign-in attempt on an existing account, in the chain of every forum the user belongs to. The
 * e-mail is held by reference (the user's id); attempts on unknown addresses are not audited.
 */
export async function auditSignIn(tx: DbClient, userId: string, ip: string | null, outcome: "success" | "password" | "disabled") {
  await appendUserAudit(tx, userId, {
    actorId: outcome === "success" ? userId : null, ip,
    action: outcome === "success" ? "auth.signin" : "auth.signin.failed", entityType: "User", entityId: userId,
    after: outcome === "success" ? undefined : { reason: outcome },
  });
}

/** The forum's people who are not yet in a group: whom its member form may add. */
export async function memberCandidates(db: DbClient, forumId: string, members: { id: string }[]) {
  const memberIds = new Set(members.map((m) => m.id));
  const users = await listForumUsers(db, forumId);
  return users.filter((u) => !memberIds.has(u.id)).map((u) => ({ id: u.id, name: u.name, email: u.email }));
}
