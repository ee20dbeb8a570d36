import type { ActorStanding } from "../policies/actor.ts";
import { documentFacts } from "../policies/document.ts";
import { isFollowing } from "../policies/follow.ts";
import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient } from "./types.ts";

/** The user's explicit choice about a document: true (opted in), false (opted out) or null (none: the default holds). */
export async function followChoice(db: DbClient, userId: string, documentId: string): Promise<boolean | null> {
  const row = await db.documentFollow.findUnique({ where: { userId_documentId: { userId, documentId } }, select: { following: true } });
  return row?.following ?? null;
}

/** Records the user's explicit choice (follow or not) and audits it in the forum's chain. */
export async function setFollowChoice(tx: DbClient, actor: Actor, forumId: string, documentId: string, following: boolean): Promise<void> {
  const before = await followChoice(tx, actor.userId, documentId);
  await tx.documentFollow.upsert({
    where: { userId_documentId: { userId: actor.userId, documentId } },
    create: { userId: actor.userId, documentId, following },
    update: { following },
  });
  await appendAudit(tx, {
    forumId, actorId: actor.userId, ip: actor.ip, action: "document.follow", entityType: "Document", entityId: documentId,
    before: before === null ? undefined : { following: before }, after: { following },
  });
}

/**
 * Who follows a document now: the owning group's members who have not opted out, and everyone who
 * opted in, among active (not disabled) users who are still members of the document's forum and
 * may read it. The decision is the follow policy's, on each candidate's standing. Empty for an
 * unknown document.
 */
export async function followerIds(tx: DbClient, documentId: string): Promise<string[]> {
  const doc = await tx.document.findUnique({ where: { id: documentId }, select: { forumId: true, groupId: true, archivedAt: true } });
  if (!doc) return [];
  const { forumId } = doc;
  const candidates = await tx.user.findMany({
    where: {
      disabledAt: null,
      forums: { some: { forumId } },
      OR: [
        { memberships: { some: { groupId: doc.groupId, group: { archivedAt: null } } } },
        { follows: { some: { documentId, following: true } } },
      ],
    },
    select: {
      id: true,
      forums: { where: { forumId }, select: { role: true } },
      memberships: { where: { group: { forumId, archivedAt: null } }, select: { groupId: true } },
      follows: { where: { documentId }, select: { following: true } },
    },
    orderBy: { id: "asc" },
  });
  const facts = documentFacts(doc);
  return candidates
    .filter((u) => {
      const standing: ActorStanding = { userId: u.id, role: u.forums[0]!.role, groupIds: u.memberships.map((m) => m.groupId) };
      return isFollowing(standing, facts, u.follows[0]?.following ?? null);
    })
    .map((u) => u.id);
}
