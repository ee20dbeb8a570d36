import type { Prisma } from "./generated/prisma/client.ts";
import type { DbClient } from "./types.ts";

/** One row of a person's data: the row's own fields, with foreign keys also given by title or name. */
export type PersonalRow = Record<string, unknown>;
export interface Person {
  id: string;
  email: string;
}
type Reader = (db: DbClient, person: Person) => Promise<PersonalRow[]>;

const titleOf = (x: { title: string } | null | undefined) => x?.title ?? null;
const byTime = { createdAt: "asc" } as const;

/**
 * Where each table keeps a person's rows, by Prisma model name: every model with a relation to
 * User, and LoginAttempt (by e-mail). The export (GDPR art. 15/20) is exactly these sections; the
 * integration test lists the models from the Prisma schema and fails when one is missing here.
 * Rows keep their primary key; other people appear by name only where the row is about them
 * together (who mentioned you), never by e-mail; binary columns (Yjs state, image bytes) stay out.
 */
export const PERSONAL_DATA = {
  User: async (db, p) =>
    db.user.findMany({
      where: { id: p.id },
      select: { id: true, email: true, name: true, locale: true, mustChangePassword: true, oneTimePasswordExpiresAt: true, disabledAt: true, createdAt: true, updatedAt: true },
    }),
  ForumMember: async (db, p) =>
    (await db.forumMember.findMany({ where: { userId: p.id }, orderBy: byTime, select: { id: true, forumId: true, role: true, createdAt: true, forum: { select: { name: true } } } }))
      .map(({ forum, ...r }) => ({ ...r, forum: forum.name })),
  Membership: async (db, p) =>
    (await db.membership.findMany({
      where: { userId: p.id }, orderBy: byTime,
      select: { id: true, groupId: true, role: true, createdAt: true, group: { select: { name: true, forum: { select: { name: true } } } } },
    })).map(({ group, ...r }) => ({ ...r, group: group.name, forum: group.forum.name })),
  Document: async (db, p) =>
    (await db.document.findMany({
      where: { createdById: p.id }, orderBy: byTime,
      select: { id: true, forumId: true, groupId: true, kind: true, title: true, status: true, createdAt: true, updatedAt: true, archivedAt: true, group: { select: { name: true } } },
    })).map(({ group, ...r }) => ({ ...r, group: group.name })),
  DocumentVersion: async (db, p) =>
    (await db.documentVersion.findMany({
      where: { createdById: p.id }, orderBy: byTime,
      select: { id: true, documentId: true, number: true, name: true, kind: true, sha256: true, text: true, createdAt: true, document: { select: { title: true } } },
    })).map(({ document, ...r }) => ({ ...r, document: document.title })),
  DocumentImage: async (db, p) =>
    (await db.documentImage.findMany({
      where: { uploadedById: p.id }, orderBy: byTime,
      select: { id: true, documentId: true, mime: true, size: true, width: true, height: true, sha256: true, alt: true, createdAt: true, document: { select: { title: true } } },
    })).map(({ document, ...r }) => ({ ...r, document: document.title })),
  ActionItem: async (db, p) =>
    (await db.actionItem.findMany({
      where: { OR: [{ createdById: p.id }, { ownerId: p.id }] }, orderBy: byTime,
      select: {
        id: true, groupId: true, title: true, description: true, status: true, dueDate: true, createdAt: true, updatedAt: true, closedAt: true, ownerId: true, createdById: true,
        group: { select: { name: true } }, targetArea: { select: { name: true } },
      },
    })).map(({ group, targetArea, ownerId, createdById, ...r }) => ({
      ...r, group: group.name, targetArea: targetArea?.name ?? null,
      yourPart: [...(createdById === p.id ? ["creator"] : []), ...(ownerId === p.id ? ["owner"] : [])],
    })),
  Responsibility: async (db, p) =>
    (await db.responsibility.findMany({
      where: { userId: p.id }, orderBy: byTime,
      select: { id: true, role: true, actionItemId: true, documentId: true, createdAt: true, actionItem: { select: { title: true } }, document: { select: { title: true } } },
    })).map(({ actionItem, document, ...r }) => ({ ...r, actionItem: titleOf(actionItem), document: titleOf(document) })),
  ApprovalRequest: async (db, p) =>
    (await db.approvalRequest.findMany({
      where: { requestedById: p.id }, orderBy: byTime,
      select: {
        id: true, documentId: true, versionId: true, status: true, coverNote: true, wishedDecisionDate: true, outcomeStatement: true, decidedAt: true, createdAt: true,
        document: { select: { title: true } },
      },
    })).map(({ document, ...r }) => ({ ...r, document: document.title })),
  Vote: async (db, p) =>
    (await db.vote.findMany({
      where: { userId: p.id }, orderBy: byTime,
      select: { id: true, approvalRequestId: true, choice: true, reason: true, createdAt: true, updatedAt: true, approvalRequest: { select: { document: { select: { title: true } } } } },
    })).map(({ approvalRequest, ...r }) => ({ ...r, document: approvalRequest.document.title })),
  CommentThread: async (db, p) =>
    (await db.commentThread.findMany({
      where: { createdById: p.id }, orderBy: byTime,
      select: {
        id: true, documentId: true, actionItemId: true, quote: true, resolvedAt: true, detachedAt: true, createdAt: true,
        document: { select: { title: true } }, actionItem: { select: { title: true } },
      },
    })).map(({ document, actionItem, ...r }) => ({ ...r, on: titleOf(document) ?? titleOf(actionItem) })),
  Comment: async (db, p) =>
    (await db.comment.findMany({
      where: { authorId: p.id }, orderBy: byTime,
      select: { id: true, threadId: true, body: true, editedAt: true, deletedAt: true, createdAt: true, thread: { select: threadTitles } },
    })).map(({ thread, ...r }) => ({ ...r, on: threadTitle(thread) })),
  CommentMention: async (db, p) =>
    (await db.commentMention.findMany({
      where: { userId: p.id },
      select: { commentId: true, userId: true, comment: { select: { createdAt: true, author: { select: { name: true } }, thread: { select: threadTitles } } } },
    })).map(({ comment, ...r }) => ({ ...r, mentionedBy: comment.author.name, on: threadTitle(comment.thread), createdAt: comment.createdAt })),
  DocumentFollow: async (db, p) =>
    (await db.documentFollow.findMany({
      where: { userId: p.id }, orderBy: byTime,
      select: { userId: true, documentId: true, following: true, createdAt: true, document: { select: { title: true } } },
    })).map(({ document, ...r }) => ({ ...r, document: document.title })),
  DocumentEditTally: async (db, p) =>
    (await db.documentEditTally.findMany({
      where: { userId: p.id },
      select: { userId: true, documentId: true, changes: true, lastEditAt: true, document: { select: { title: true } } },
    })).map(({ document, ...r }) => ({ ...r, document: document.title })),
  AuditEvent: async (db, p) =>
    (await db.auditEvent.findMany({
      where: { actorId: p.id }, orderBy: { id: "asc" },
      select: { id: true, forumId: true, action: true, entityType: true, entityId: true, before: true, after: true, ip: true, createdAt: true, forum: { select: { name: true } } },
    })).map(({ forum, ...r }) => ({ ...r, forum: forum?.name ?? null })),
  Notification: async (db, p) =>
    db.notification.findMany({
      where: { userId: p.id }, orderBy: byTime,
      select: { id: true, forumId: true, type: true, title: true, detail: true, readAt: true, emailedAt: true, mailState: true, createdAt: true },
    }),
  Need: async (db, p) =>
    (await db.need.findMany({
      where: { createdById: p.id }, orderBy: byTime,
      select: {
        id: true, groupId: true, title: true, field: true, period: true, demand: true, supply: true, unit: true, sourceName: true, confidence: true,
        archivedAt: true, createdAt: true, updatedAt: true, group: { select: { name: true } },
      },
    })).map(({ group, ...r }) => ({ ...r, group: group.name })),
  NeedLink: async (db, p) =>
    (await db.needLink.findMany({
      where: { createdById: p.id }, orderBy: byTime,
      select: {
        id: true, needId: true, documentId: true, actionItemId: true, createdAt: true,
        need: { select: { title: true } }, document: { select: { title: true } }, actionItem: { select: { title: true } },
      },
    })).map(({ need, document, actionItem, ...r }) => ({ ...r, need: need.title, document: titleOf(document), actionItem: titleOf(actionItem) })),
  ImportBatch: async (db, p) =>
    (await db.importBatch.findMany({
      where: { createdById: p.id }, orderBy: byTime,
      select: {
        id: true, forumId: true, sourceName: true, fileName: true, format: true, rowCount: true, created: true, updated: true, createdAt: true, undoneAt: true,
        forum: { select: { name: true } },
      },
    })).map(({ forum, ...r }) => ({ ...r, forum: forum.name })),
  SavedView: async (db, p) =>
    db.savedView.findMany({ where: { userId: p.id }, orderBy: byTime, select: { id: true, forumId: true, name: true, scope: true, query: true, createdAt: true, updatedAt: true } }),
  SiteText: async (db, p) =>
    db.siteText.findMany({ where: { updatedById: p.id }, select: { key: true, version: true, updatedAt: true } }),
  UserIdentity: async (db, p) =>
    (await db.userIdentity.findMany({
      where: { userId: p.id }, orderBy: byTime,
      select: { id: true, subject: true, createdAt: true, lastSignInAt: true, provider: { select: { displayName: true, issuer: true } } },
    })).map(({ provider, ...r }) => ({ ...r, provider: provider.displayName, issuer: provider.issuer })),
  // Invitations the person sent, and the one that brought them in (by their address).
  Invitation: async (db, p) =>
    (await db.invitation.findMany({
      where: { OR: [{ invitedById: p.id }, { email: p.email }] }, orderBy: byTime,
      select: { id: true, email: true, role: true, createdAt: true, acceptedAt: true, invitedById: true, forum: { select: { name: true } } },
    })).map(({ forum, invitedById, ...r }) => ({ ...r, forum: forum.name, yourPart: invitedById === p.id ? "sent" : "received" })),
  LoginAttempt: async (db, p) =>
    db.loginAttempt.findMany({ where: { email: p.email }, orderBy: { id: "asc" }, select: { id: true, ip: true, success: true, createdAt: true } }),
} satisfies Partial<Record<Prisma.ModelName, Reader>>;

export type PersonalDataModel = keyof typeof PERSONAL_DATA;
/** The covered models, in the order the export lists them. */
export const PERSONAL_DATA_MODELS = Object.keys(PERSONAL_DATA) as PersonalDataModel[];

const threadTitles = { document: { select: { title: true } }, actionItem: { select: { title: true } } } as const;
function threadTitle(thread: { document: { title: string } | null; actionItem: { title: string } | null }): string | null {
  return titleOf(thread.document) ?? titleOf(thread.actionItem);
}

/** Every section of a person's data, read in one consistent snapshot (one transaction). */
export async function readPersonalData(db: DbClient, person: Person): Promise<Record<PersonalDataModel, PersonalRow[]>> {
  const out = {} as Record<PersonalDataModel, PersonalRow[]>;
  for (const model of PERSONAL_DATA_MODELS) out[model] = await PERSONAL_DATA[model](db, person);
  return out;
}
