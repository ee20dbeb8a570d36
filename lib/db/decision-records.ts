import type { DbClient } from "./types.ts";

// The read side of a decided approval request: everything its decision record prints, as one
// plain object (no Prisma rows leave this file).

export type ApprovalStatusName = "OPEN" | "APPROVED" | "CHANGES_REQUESTED" | "REJECTED" | "WITHDRAWN";
export type VoteChoiceName = "APPROVE" | "OBJECT" | "ABSTAIN" | "BLOCK";

/** The decision rule frozen on the request when it was submitted (fields missing in old rows are null). */
export interface DecisionRuleSnapshot {
  quorum: number | null;
  majority: number | null;
  blockStops: boolean | null;
  closer: string | null;
}

export interface DecisionRecord {
  forum: { id: string; slug: string; name: string };
  group: { id: string; name: string; kind: string };
  document: { id: string; title: string; kind: string };
  version: { id: string; number: number; name: string; sha256: string; text: string; html: string; createdAt: Date; createdBy: string };
  request: {
    id: string;
    status: ApprovalStatusName;
    rule: DecisionRuleSnapshot;
    coverNote: string;
    requestedBy: string;
    createdAt: Date;
    outcomeStatement: string;
    decidedAt: Date | null;
    /** Name of the person who recorded the outcome (null when unknown). */
    decidedBy: string | null;
  };
  /** One per voter, in the order the votes were first cast. */
  votes: { userId: string; name: string; choice: VoteChoiceName; reason: string; castAt: Date; updatedAt: Date; changed: boolean }[];
  /** The version's freezing and the request's events, oldest first. */
  audit: { id: number; at: Date; action: string; actor: string | null }[];
}

function parseRule(raw: string): DecisionRuleSnapshot {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) value = parsed as Record<string, unknown>;
  } catch {
    // A malformed rule prints as unknown rather than failing the record.
  }
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return {
    quorum: num(value.quorum),
    majority: num(value.majority),
    blockStops: typeof value.blockStops === "boolean" ? value.blockStops : null,
    closer: typeof value.closer === "string" ? value.closer : null,
  };
}

/**
 * The decision record of one approval request in a forum, or null when the request is not in
 * that forum. Open requests are returned too (with their status): the caller decides what to show.
 */
export async function getDecisionRecord(db: DbClient, forumId: string, requestId: string): Promise<DecisionRecord | null> {
  const r = await db.approvalRequest.findFirst({
    where: { id: requestId, document: { forumId } },
    select: {
      id: true, status: true, rule: true, coverNote: true, createdAt: true, outcomeStatement: true, decidedAt: true, decidedById: true,
      requestedBy: { select: { name: true } },
      document: {
        select: {
          id: true, title: true, kind: true,
          forum: { select: { id: true, slug: true, name: true } },
          group: { select: { id: true, name: true, kind: true } },
        },
      },
      version: {
        select: { id: true, documentId: true, number: true, name: true, sha256: true, text: true, html: true, createdAt: true, createdBy: { select: { name: true } } },
      },
      votes: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { userId: true, choice: true, reason: true, createdAt: true, updatedAt: true, user: { select: { name: true } } },
      },
    },
  });
  if (!r) return null;
  const [decider, events] = await Promise.all([
    r.decidedById ? db.user.findUnique({ where: { id: r.decidedById }, select: { name: true } }) : null,
    db.auditEvent.findMany({
      where: {
        forumId,
        OR: [
          { entityType: "ApprovalRequest", entityId: r.id },
          { entityType: "DocumentVersion", entityId: r.version.id },
        ],
      },
      orderBy: { id: "asc" },
      select: { id: true, createdAt: true, action: true, actor: { select: { name: true } } },
    }),
  ]);
  return {
    forum: r.document.forum,
    group: r.document.group,
    document: { id: r.document.id, title: r.document.title, kind: r.document.kind },
    version: {
      id: r.version.id, number: r.version.number, name: r.version.name, sha256: r.version.sha256,
      text: r.version.text, html: r.version.html, createdAt: r.version.createdAt, createdBy: r.version.createdBy.name,
    },
    request: {
      id: r.id, status: r.status, rule: parseRule(r.rule), coverNote: r.coverNote, requestedBy: r.requestedBy.name,
      createdAt: r.createdAt, outcomeStatement: r.outcomeStatement, decidedAt: r.decidedAt, decidedBy: decider?.name ?? null,
    },
    votes: r.votes.map((v) => ({
      userId: v.userId, name: v.user.name, choice: v.choice, reason: v.reason, castAt: v.createdAt, updatedAt: v.updatedAt,
      changed: v.updatedAt.getTime() - v.createdAt.getTime() > 1000,
    })),
    audit: events.map((e) => ({ id: e.id, at: e.createdAt, action: e.action, actor: e.actor?.name ?? null })),
  };
}
