import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient } from "./types.ts";

/**
 * An approval request as every screen and the board room show it: the frozen version it is about,
 * the votes, and the outcome. Plain JSON, the same for every viewer (abilities are added by the
 * presenter).
 */
export interface ApprovalView {
  id: string;
  documentId: string;
  documentTitle: string;
  groupId: string;
  status: "OPEN" | "APPROVED" | "CHANGES_REQUESTED" | "REJECTED" | "WITHDRAWN";
  version: { id: string; number: number; sha256: string };
  /** The rule the request was opened under (JSON). */
  rule: string;
  coverNote: string;
  /** YYYY-MM-DD */
  wishedDecisionDate: string | null;
  requestedBy: { id: string; name: string };
  createdAt: string;
  votes: { userId: string; name: string; choice: "APPROVE" | "OBJECT" | "ABSTAIN" | "BLOCK"; reason: string; at: string }[];
  outcomeStatement: string;
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
}

const requestSelect = {
  id: true, documentId: true, status: true, rule: true, coverNote: true, wishedDecisionDate: true, createdAt: true,
  outcomeStatement: true, decidedAt: true, decidedById: true,
  document: { select: { title: true, groupId: true, forumId: true } },
  version: { select: { id: true, number: true, sha256: true } },
  requestedBy: { select: { id: true, name: true } },
  votes: { orderBy: { createdAt: "asc" }, select: { userId: true, choice: true, reason: true, updatedAt: true, user: { select: { name: true } } } },
} as const;

type Row = Awaited<ReturnType<typeof rows>>[number];

function rows(db: DbClient, where: object, take?: number) {
  return db.approvalRequest.findMany({ where, orderBy: { createdAt: "desc" }, select: requestSelect, take });
}

async function toView(db: DbClient, r: Row): Promise<ApprovalView> {
  const decidedBy = r.decidedById ? await db.user.findUnique({ where: { id: r.decidedById }, select: { id: true, name: true } }) : null;
  return {
    id: r.id, documentId: r.documentId, documentTitle: r.document.title, groupId: r.document.groupId, status: r.status,
    version: r.version, rule: r.rule, coverNote: r.coverNote,
    wishedDecisionDate: r.wishedDecisionDate ? r.wishedDecisionDate.toISOString().slice(0, 10) : null,
    requestedBy: r.requestedBy, createdAt: r.createdAt.toISOString(),
    votes: r.votes.map((v) => ({ userId: v.userId, name: v.user.name, choice: v.choice, reason: v.reason, at: v.updatedAt.toISOString() })),
    outcomeStatement: r.outcomeStatement, decidedAt: r.decidedAt?.toISOString() ?? null, decidedBy,
  };
}

/** Requests about a group's documents (open ones and the latest decided), newest first. */
export async function loadGroupApprovals(db: DbClient, groupId: string): Promise<ApprovalView[]> {
  const list = await rows(db, { document: { groupId, archivedAt: null } }, 100);
  return Promise.all(list.map((r) => toView(db, r)));
}

/** Every open request of the forum (the steering group's queue), oldest wish first. */
export async function loadOpenApprovals(db: DbClient, forumId: string): Promise<ApprovalView[]> {
  const list = await rows(db, { status: "OPEN", document: { forumId, archivedAt: null } });
  return Promise.all(list.map((r) => toView(db, r)));
}

/** One request of the forum, or null (another forum's request is not revealed). */
export async function loadApproval(db: DbClient, forumId: string, id: string): Promise<ApprovalView | null> {
  const [r] = await rows(db, { id, document: { forumId } });
  return r ? toView(db, r) : null;
}

/** How many requests of the forum wait for a decision. */
export async function countOpenApprovals(db: DbClient, forumId: string): Promise<number> {
  return db.approvalRequest.count({ where: { status: "OPEN", document: { forumId, archivedAt: null } } });
}

export async function hasOpenRequest(db: DbClient, documentId: string): Promise<boolean> {
  return (await db.approvalRequest.count({ where: { documentId, status: "OPEN" } })) > 0;
}

/** The forum's steering group(s): ids, members and leads. */
export async function loadSteering(db: DbClient, forumId: string) {
  const groups = await db.group.findMany({ where: { forumId, kind: "STEERING", archivedAt: null }, select: { id: true } });
  const groupIds = groups.map((g) => g.id);
  const [members, leads] = await Promise.all([
    db.membership.findMany({ where: { groupId: { in: groupIds } }, select: { userId: true } }),
    db.membership.findMany({ where: { groupId: { in: groupIds }, role: "LEAD" }, select: { userId: true } }),
  ]);
  return {
    groupIds,
    memberIds: [...new Set(members.map((m) => m.userId))],
    leadIds: [...new Set(leads.map((m) => m.userId))],
  };
}

/** The forum's decision rules and public-page switch, with the settings' version. */
export async function loadForumSettings(db: DbClient, forumId: string) {
  return db.forum.findUniqueOrThrow({
    where: { id: forumId },
    select: { decisionQuorum: true, decisionMajority: true, decisionBlockStops: true, decisionCloser: true, publicPage: true, passwordSignIn: true, version: true },
  });
}

export async function updateForumSettings(
  tx: DbClient, actor: Actor, forumId: string,
  data: { decisionQuorum?: number; decisionMajority?: number; decisionBlockStops?: boolean; decisionCloser?: string; publicPage?: boolean; passwordSignIn?: boolean },
) {
  const before = await loadForumSettings(tx, forumId);
  await tx.forum.update({ where: { id: forumId }, data: { ...data, version: { increment: 1 } } });
  const after = await loadForumSettings(tx, forumId);
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "forum.settings", entityType: "Forum", entityId: forumId, before, after });
  return after;
}

/** The document facts the approval commands check. */
export async function findDocumentForApproval(db: DbClient, forumId: string, documentId: string) {
  return db.document.findFirst({
    where: { id: documentId, forumId },
    select: { id: true, forumId: true, groupId: true, kind: true, title: true, archivedAt: true, approvedVersionId: true },
  });
}

/** Opens a request on a frozen version; the document is "in review" from now on. */
export async function insertRequest(
  tx: DbClient, actor: Actor, forumId: string,
  data: { documentId: string; versionId: string; rule: string; coverNote: string; wishedDecisionDate: string | null },
) {
  const request = await tx.approvalRequest.create({
    data: {
      documentId: data.documentId, versionId: data.versionId, requestedById: actor.userId, rule: data.rule, coverNote: data.coverNote,
      wishedDecisionDate: data.wishedDecisionDate ? new Date(`${data.wishedDecisionDate}T12:00:00Z`) : null,
    },
    select: { id: true },
  });
  await tx.document.update({ where: { id: data.documentId }, data: { status: "IN_REVIEW" } });
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: "approval.submit", entityType: "ApprovalRequest", entityId: request.id,
    after: { documentId: data.documentId, versionId: data.versionId, coverNote: data.coverNote, wishedDecisionDate: data.wishedDecisionDate, rule: JSON.parse(data.rule) },
  });
  return request;
}

/** Casts or changes a vote, audited as a vote or a change of vote. */
export async function upsertVote(tx: DbClient, actor: Actor, forumId: string, requestId: string, vote: { choice: "APPROVE" | "OBJECT" | "ABSTAIN" | "BLOCK"; reason: string }) {
  const where = { approvalRequestId_userId: { approvalRequestId: requestId, userId: actor.userId } };
  const before = await tx.vote.findUnique({ where, select: { choice: true, reason: true } });
  await tx.vote.upsert({ where, create: { approvalRequestId: requestId, userId: actor.userId, ...vote }, update: vote });
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: before ? "approval.vote.change" : "approval.vote", entityType: "ApprovalRequest", entityId: requestId,
    before: before ?? undefined, after: vote,
  });
}

/**
 * Records the outcome once: the update only applies while the request is OPEN, so of concurrent
 * closers exactly one changes it (false for the others). The document's status follows; an
 * approval makes the request's version the document's approved version.
 */
export async function recordOutcome(
  tx: DbClient, actor: Actor, forumId: string,
  request: { id: string; documentId: string; versionId: string },
  outcome: { status: "APPROVED" | "CHANGES_REQUESTED" | "REJECTED"; statement: string },
): Promise<boolean> {
  const changed = await tx.approvalRequest.updateMany({
    where: { id: request.id, status: "OPEN" },
    data: { status: outcome.status, outcomeStatement: outcome.statement, decidedAt: new Date(), decidedById: actor.userId },
  });
  if (changed.count !== 1) return false;
  await tx.document.update({
    where: { id: request.documentId },
    data: { status: outcome.status, ...(outcome.status === "APPROVED" ? { approvedVersionId: request.versionId } : {}) },
  });
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: "approval.close", entityType: "ApprovalRequest", entityId: request.id,
    after: { outcome: outcome.status, statement: outcome.statement, versionId: request.versionId },
  });
  return true;
}

/** Recommendations of the forum with their state (the steering group's overview of every group). */
export async function listForumRecommendations(db: DbClient, forumId: string) {
  return db.document.findMany({
    where: { forumId, kind: "RECOMMENDATION", archivedAt: null },
    orderBy: [{ group: { sortOrder: "asc" } }, { title: "asc" }],
    select: { id: true, title: true, status: true, groupId: true, group: { select: { name: true } }, approvedVersionId: true, updatedAt: true },
  });
}

/** Open requests whose wished date is `inDays` away or less and that have not been reminded about. */
export async function requestsToRemind(db: DbClient, until: Date) {
  return db.approvalRequest.findMany({
    where: { status: "OPEN", reminderSentAt: null, wishedDecisionDate: { not: null, lte: until } },
    select: { id: true, documentId: true, votes: { select: { userId: true } }, document: { select: { forumId: true, title: true } } },
  });
}

export async function markReminded(tx: DbClient, requestId: string): Promise<boolean> {
  const marked = await tx.approvalRequest.updateMany({ where: { id: requestId, reminderSentAt: null }, data: { reminderSentAt: new Date() } });
  return marked.count === 1;
}

/** Members of a group (those an outcome is reported to). */
export async function groupMemberIds(db: DbClient, groupId: string): Promise<string[]> {
  return (await db.membership.findMany({ where: { groupId }, select: { userId: true } })).map((m) => m.userId);
}
