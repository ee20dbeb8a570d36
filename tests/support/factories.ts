import { hashPassword } from "../../lib/auth/password.ts";
import { createDb, type Db } from "../../lib/db/client.ts";

export const FACTORY_PASSWORD = "factory-password-123";
let hashed: Promise<string> | undefined;
let seq = 0;

/** A Prisma client on the same SQLite file the server under test uses. */
export function testDb(url: string): Db {
  return createDb(url);
}

const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`;

/** A user in a forum (by id), with FACTORY_PASSWORD; overrides win. */
export async function buildUser(
  db: Db,
  forumId: string,
  overrides: { email?: string; name?: string; forumRole?: "ADMIN" | "PROJECT_LEADER" | "MEMBER"; groupIds?: string[] } = {},
) {
  hashed ??= hashPassword(FACTORY_PASSWORD);
  const email = overrides.email ?? `${unique("user")}@factory.example`;
  const user = await db.user.create({
    data: { email, name: overrides.name ?? `Test ${email.split("@")[0]}`, passwordHash: await hashed },
    select: { id: true, email: true, name: true },
  });
  await db.forumMember.create({ data: { forumId, userId: user.id, role: overrides.forumRole ?? "MEMBER" } });
  for (const groupId of overrides.groupIds ?? []) await db.membership.create({ data: { groupId, userId: user.id } });
  return user;
}

/** A second forum with one administrator and one competence group: the "outsider" tenant. */
export async function buildOtherForum(db: Db) {
  const slug = unique("other");
  const forum = await db.forum.create({ data: { slug, name: `Annet forum ${slug}` }, select: { id: true, slug: true } });
  const group = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "Annen gruppe" }, select: { id: true } });
  const admin = await buildUser(db, forum.id, { forumRole: "ADMIN", groupIds: [group.id] });
  return { forum, group, admin };
}

/** Row counts of every table a mutation could touch: compared before and after to prove "nothing written". */
export async function tableCounts(db: Db) {
  const [forums, users, forumMembers, groups, memberships, targetAreas, audit] = await Promise.all([
    db.forum.count(), db.user.count(), db.forumMember.count(), db.group.count(), db.membership.count(), db.targetArea.count(), db.auditEvent.count(),
  ]);
  return { forums, users, forumMembers, groups, memberships, targetAreas, audit };
}

/** An empty live document in a group (its Yjs state starts empty). */
export async function buildDocument(db: Db, groupId: string, overrides: { title?: string; kind?: "RECOMMENDATION" | "NOTE" | "MINUTES" } = {}) {
  const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { forumId: true } });
  const author = await db.forumMember.findFirstOrThrow({ where: { forumId: group.forumId }, select: { userId: true } });
  return db.document.create({
    data: { forumId: group.forumId, groupId, kind: overrides.kind ?? "RECOMMENDATION", title: overrides.title ?? unique("Dokument"), createdById: author.userId },
    select: { id: true },
  });
}

/** The stored state of a document, read the way the server loads it: snapshot, then the log. */
export async function storedDocState(db: Db, documentId: string): Promise<Uint8Array[]> {
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { state: true } });
  const updates = await db.documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { data: true } });
  return [...(doc.state ? [doc.state] : []), ...updates.map((u) => u.data)];
}

/** ProseMirror JSON of plain paragraphs (the first one a heading), as the editor would store them. */
export function paragraphsJson(paragraphs: string[]) {
  return {
    type: "doc",
    content: paragraphs.map((text, i) =>
      i === 0 && paragraphs.length > 1
        ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] }
        : { type: "paragraph", content: [{ type: "text", text }] },
    ),
  };
}

/** Sets a document's live text (snapshot) to the given paragraphs, as if the group kept writing. */
export async function setLiveText(db: Db, documentId: string, paragraphs: string[]) {
  const { jsonToYUpdate } = await import("../../lib/editor/render.ts");
  await db.documentUpdate.deleteMany({ where: { documentId } });
  await db.document.update({
    where: { id: documentId },
    data: { state: Buffer.from(jsonToYUpdate(paragraphsJson(paragraphs) as never)), excerpt: paragraphs.join(" ").slice(0, 280) },
  });
}

type VoteChoice = "APPROVE" | "OBJECT" | "ABSTAIN" | "BLOCK";
type RequestStatus = "OPEN" | "APPROVED" | "CHANGES_REQUESTED" | "REJECTED" | "WITHDRAWN";

/**
 * A recommendation with a frozen version put to the steering group, its votes and (unless OPEN)
 * its outcome, written straight into the tables the approval workflow uses, with the audit events
 * the workflow appends (kept on the hash chain). APPROVED also sets the document's approved version
 * and status. `liveText` then changes the live document after the freeze.
 */
export async function buildDecidedRequest(
  db: Db,
  opts: {
    groupId: string;
    status: RequestStatus;
    title?: string;
    paragraphs: string[];
    requestedById: string;
    votes?: { userId: string; choice: VoteChoice; reason?: string; changed?: boolean }[];
    outcomeStatement?: string;
    decidedById?: string;
    decidedAt?: Date;
    targetAreaIds?: string[];
    liveText?: string[];
    documentId?: string;
  },
) {
  const { jsonToYUpdate } = await import("../../lib/editor/render.ts");
  const { freezeYState } = await import("../../lib/services/frozen-state.ts");
  const { appendAudit } = await import("../../lib/db/audit.ts");
  const group = await db.group.findUniqueOrThrow({ where: { id: opts.groupId }, select: { forumId: true } });
  const forumId = group.forumId;
  const state = jsonToYUpdate(paragraphsJson(opts.paragraphs) as never);
  const frozen = await freezeYState(state);
  const documentId =
    opts.documentId ??
    (
      await db.document.create({
        data: {
          forumId, groupId: opts.groupId, kind: "RECOMMENDATION", title: opts.title ?? unique("Anbefaling"), createdById: opts.requestedById,
          state: Buffer.from(state), excerpt: opts.paragraphs.join(" ").slice(0, 280),
          targetAreas: { create: (opts.targetAreaIds ?? []).map((targetAreaId) => ({ targetAreaId })) },
        },
        select: { id: true },
      })
    ).id;
  const last = await db.documentVersion.aggregate({ where: { documentId }, _max: { number: true } });
  const version = await db.documentVersion.create({
    data: {
      documentId, number: (last._max.number ?? 0) + 1, kind: "SUBMISSION", state: Buffer.from(frozen.state),
      sha256: frozen.sha256, html: frozen.html, text: frozen.text, createdById: opts.requestedById,
    },
    select: { id: true, number: true, sha256: true, html: true, text: true },
  });
  await appendAudit(db, {
    forumId, actorId: opts.requestedById, action: "document.version", entityType: "DocumentVersion", entityId: version.id,
    after: { documentId, number: version.number, kind: "SUBMISSION", sha256: version.sha256 },
  });
  const forum = await db.forum.findUniqueOrThrow({
    where: { id: forumId }, select: { decisionQuorum: true, decisionMajority: true, decisionBlockStops: true, decisionCloser: true },
  });
  const decided = opts.status !== "OPEN";
  const decidedAt = decided ? (opts.decidedAt ?? new Date()) : null;
  const request = await db.approvalRequest.create({
    data: {
      documentId, versionId: version.id, requestedById: opts.requestedById, status: opts.status,
      rule: JSON.stringify({ quorum: forum.decisionQuorum, majority: forum.decisionMajority, blockStops: forum.decisionBlockStops, closer: forum.decisionCloser }),
      outcomeStatement: decided ? (opts.outcomeStatement ?? "") : "",
      decidedAt, decidedById: decided ? (opts.decidedById ?? null) : null,
    },
    select: { id: true },
  });
  await appendAudit(db, { forumId, actorId: opts.requestedById, action: "approval.submit", entityType: "ApprovalRequest", entityId: request.id, after: { versionId: version.id } });
  for (const v of opts.votes ?? []) {
    const castAt = new Date(Date.now() - 3600_000);
    await db.vote.create({
      data: { approvalRequestId: request.id, userId: v.userId, choice: v.choice, reason: v.reason ?? "", createdAt: castAt, updatedAt: v.changed ? new Date() : castAt },
    });
    await appendAudit(db, { forumId, actorId: v.userId, action: "approval.vote", entityType: "ApprovalRequest", entityId: request.id, after: { choice: v.choice } });
    if (v.changed) await appendAudit(db, { forumId, actorId: v.userId, action: "approval.vote.change", entityType: "ApprovalRequest", entityId: request.id, after: { choice: v.choice } });
  }
  if (decided) {
    await appendAudit(db, {
      forumId, actorId: opts.decidedById ?? null, action: "approval.close", entityType: "ApprovalRequest", entityId: request.id,
      after: { status: opts.status, outcomeStatement: opts.outcomeStatement ?? "" },
    });
  }
  const documentStatus = { OPEN: "IN_REVIEW", APPROVED: "APPROVED", CHANGES_REQUESTED: "CHANGES_REQUESTED", REJECTED: "REJECTED", WITHDRAWN: "DRAFT" } as const;
  await db.document.update({
    where: { id: documentId },
    data: { status: documentStatus[opts.status], ...(opts.status === "APPROVED" ? { approvedVersionId: version.id } : {}) },
  });
  if (opts.liveText) await setLiveText(db, documentId, opts.liveText);
  return { documentId, version, request, forumId };
}
