import { appendAudit, appendUserAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient, ForumRole } from "./types.ts";

// Identity providers (OpenID Connect) of a forum, the identities linked through them, and the
// forum's invitations. The client secret never leaves this module unsealed-by-accident: reads for
// screens leave it out, only the sign-in options read it.

const providerView = {
  id: true, slug: true, displayName: true, issuer: true, clientId: true, allowedDomains: true, enabled: true, version: true,
} as const;

/** The enabled providers of every forum, with their sealed secrets: what next-auth is configured with. */
export async function listSignInProviders(db: DbClient) {
  return db.identityProvider.findMany({
    where: { enabled: true },
    orderBy: { displayName: "asc" },
    select: { id: true, forumId: true, slug: true, displayName: true, issuer: true, clientId: true, clientSecret: true, allowedDomains: true },
  });
}

/** The buttons of the sign-in page: enabled providers, and whether any forum still takes passwords. */
export async function signInChoices(db: DbClient) {
  const [providers, passwordForums, forums] = await Promise.all([
    db.identityProvider.findMany({ where: { enabled: true }, orderBy: { displayName: "asc" }, select: { slug: true, displayName: true } }),
    db.forum.count({ where: { passwordSignIn: true } }),
    db.forum.count(),
  ]);
  return { providers, password: forums === 0 || passwordForums > 0 };
}

export async function findSignInProvider(db: DbClient, slug: string) {
  return db.identityProvider.findFirst({
    where: { slug, enabled: true },
    select: { id: true, forumId: true, slug: true, issuer: true, clientId: true, clientSecret: true, allowedDomains: true },
  });
}

/** A provider by slug, enabled or not (logging out still works after it was switched off). */
export async function findIdentityProviderBySlug(db: DbClient, slug: string) {
  return db.identityProvider.findUnique({ where: { slug }, select: { id: true, issuer: true, clientId: true } });
}

/** The admin page's list: as listForumProviders, with the sealed secret only to tell whether it still opens. */
export async function listForumProviderSecrets(db: DbClient, forumId: string) {
  return db.identityProvider.findMany({ where: { forumId }, orderBy: { displayName: "asc" }, select: { ...providerView, clientSecret: true } });
}

export async function findForumProvider(db: DbClient, forumId: string, id: string) {
  return db.identityProvider.findFirst({ where: { id, forumId }, select: providerView });
}

export async function countEnabledProviders(db: DbClient, forumId: string) {
  return db.identityProvider.count({ where: { forumId, enabled: true } });
}

type ProviderFields = { displayName: string; issuer: string; clientId: string; clientSecret: string; allowedDomains: string; enabled: boolean };

// Audit entries name what changed, never the secret.
const audited = (p: { slug: string; displayName: string; issuer: string; clientId: string; allowedDomains: string; enabled: boolean }) =>
  ({ slug: p.slug, displayName: p.displayName, issuer: p.issuer, clientId: p.clientId, allowedDomains: p.allowedDomains, enabled: p.enabled });

export async function insertProvider(tx: DbClient, actor: Actor, forumId: string, data: ProviderFields & { slug: string }) {
  const created = await tx.identityProvider.create({ data: { forumId, ...data }, select: providerView });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "idp.create", entityType: "IdentityProvider", entityId: created.id, after: audited(created) });
  return created;
}

export async function updateProvider(tx: DbClient, actor: Actor, forumId: string, id: string, data: Partial<ProviderFields>) {
  const before = await tx.identityProvider.findFirstOrThrow({ where: { id, forumId }, select: providerView });
  const after = await tx.identityProvider.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: providerView });
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: "idp.update", entityType: "IdentityProvider", entityId: id,
    before: audited(before), after: { ...audited(after), ...(data.clientSecret ? { clientSecret: "(ny)" } : {}) },
  });
  return after;
}

export async function deleteProvider(tx: DbClient, actor: Actor, forumId: string, id: string) {
  const before = await tx.identityProvider.findFirstOrThrow({ where: { id, forumId }, select: providerView });
  await tx.identityProvider.delete({ where: { id } });
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "idp.delete", entityType: "IdentityProvider", entityId: id, before: audited(before) });
}

// ---- Sign-in facts and writes --------------------------------------------------------------

export async function findLinkedUser(db: DbClient, providerId: string, subject: string) {
  const identity = await db.userIdentity.findUnique({
    where: { providerId_subject: { providerId, subject } },
    select: { id: true, user: { select: { id: true, disabledAt: true } } },
  });
  return identity ? { identityId: identity.id, userId: identity.user.id, disabled: identity.user.disabledAt !== null } : null;
}

export async function findUserForLinking(db: DbClient, email: string, forumId: string) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, forums: { where: { forumId }, select: { id: true } } },
  });
  return user ? { userId: user.id, disabled: user.disabledAt !== null, memberOfForum: user.forums.length > 0 } : null;
}

export async function findPendingInvitation(db: DbClient, forumId: string, email: string) {
  return db.invitation.findFirst({ where: { forumId, email, acceptedAt: null }, select: { id: true, role: true } });
}

export async function linkIdentity(tx: DbClient, userId: string, providerId: string, subject: string, provider: { slug: string }) {
  await tx.userIdentity.create({ data: { userId, providerId, subject, lastSignInAt: new Date() } });
  await appendUserAudit(tx, userId, { actorId: userId, ip: null, action: "identity.link", entityType: "User", entityId: userId, after: { provider: provider.slug } });
}

export async function touchIdentity(tx: DbClient, identityId: string) {
  await tx.userIdentity.update({ where: { id: identityId }, data: { lastSignInAt: new Date() } });
}

export async function acceptInvitation(tx: DbClient, invitationId: string) {
  await tx.invitation.update({ where: { id: invitationId }, data: { acceptedAt: new Date() } });
}

export async function findUserSession(db: DbClient, userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, sessionVersion: true } });
}

/** The users a provider's subject is linked to (the back-channel logout's target). */
export async function findIdentityUser(db: DbClient, providerSlug: string, subject: string) {
  const identity = await db.userIdentity.findFirst({
    where: { subject, provider: { slug: providerSlug } },
    select: { user: { select: { id: true, sessionVersion: true } } },
  });
  return identity?.user ?? null;
}

// ---- Invitations ----------------------------------------------------------------------------

export async function listInvitations(db: DbClient, forumId: string) {
  return db.invitation.findMany({
    where: { forumId, acceptedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, createdAt: true, invitedBy: { select: { name: true } } },
  });
}

export async function insertInvitation(tx: DbClient, actor: Actor, forumId: string, data: { email: string; role: ForumRole }) {
  const created = await tx.invitation.create({ data: { forumId, email: data.email, role: data.role, invitedById: actor.userId }, select: { id: true, email: true, role: true, createdAt: true } });
  // The address is personal data: the audit entry holds the invitation by reference, with its role.
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "invitation.create", entityType: "Invitation", entityId: created.id, after: { role: data.role } });
  return created;
}

export async function deleteInvitation(tx: DbClient, actor: Actor, forumId: string, id: string): Promise<boolean> {
  const { count } = await tx.invitation.deleteMany({ where: { id, forumId, acceptedAt: null } });
  if (count) await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "invitation.delete", entityType: "Invitation", entityId: id });
  return count > 0;
}

/** The password switch of each forum the user belongs to. */
export async function memberForumsPasswordSignIn(db: DbClient, userId: string): Promise<boolean[]> {
  return (await db.forumMember.findMany({ where: { userId }, select: { forum: { select: { passwordSignIn: true } } } })).map((m) => m.forum.passwordSignIn);
}
