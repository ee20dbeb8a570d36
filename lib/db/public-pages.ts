import type { DbClient } from "./types.ts";

// The read side of a forum's public page: approved recommendations only. A document appears when
// its approvedVersionId is set AND an APPROVED request decided exactly that version of exactly that
// document; the text shown is that frozen version's, never the live document. Drafts, open or
// other requests, other versions and archived documents never leave this file.

export interface PublicForum {
  id: string;
  slug: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicRecommendation {
  documentId: string;
  title: string;
  groupName: string;
  /** The document's target areas, in the forum's order. */
  targetAreas: { id: string; name: string; sortOrder: number }[];
  version: { id: string; number: number; sha256: string; html: string; createdAt: Date };
  decidedAt: Date;
  outcomeStatement: string;
}

/** The forum by slug when its public page is on; null otherwise (unknown and private look the same). */
export async function findPublicForum(db: DbClient, slug: string): Promise<PublicForum | null> {
  const forum = await db.forum.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, createdAt: true, updatedAt: true, publicPage: true },
  });
  if (!forum?.publicPage) return null;
  return { id: forum.id, slug: forum.slug, name: forum.name, description: forum.description, createdAt: forum.createdAt, updatedAt: forum.updatedAt };
}

/** The forum's approved recommendations (one per document, its approved version), newest decision first. */
export async function listApprovedRecommendations(db: DbClient, forumId: string, documentId?: string): Promise<PublicRecommendation[]> {
  const requests = await db.approvalRequest.findMany({
    where: {
      status: "APPROVED",
      decidedAt: { not: null },
      document: { forumId, archivedAt: null, approvedVersionId: { not: null }, ...(documentId ? { id: documentId } : {}) },
    },
    orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
    select: {
      versionId: true, decidedAt: true, outcomeStatement: true,
      version: { select: { id: true, documentId: true, number: true, sha256: true, html: true, createdAt: true } },
      document: {
        select: {
          id: true, title: true, approvedVersionId: true,
          group: { select: { name: true } },
          targetAreas: { select: { targetArea: { select: { id: true, name: true, sortOrder: true, archivedAt: true } } } },
        },
      },
    },
  });
  const seen = new Set<string>();
  const out: PublicRecommendation[] = [];
  for (const r of requests) {
    const doc = r.document;
    // Only the request that decided the document's current approved version, and only its own version.
    if (r.versionId !== doc.approvedVersionId || r.version.documentId !== doc.id || seen.has(doc.id) || !r.decidedAt) continue;
    seen.add(doc.id);
    out.push({
      documentId: doc.id,
      title: doc.title,
      groupName: doc.group.name,
      targetAreas: doc.targetAreas
        .map((a) => a.targetArea)
        .filter((a) => a.archivedAt === null)
        .map(({ id, name, sortOrder }) => ({ id, name, sortOrder }))
        .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "nb")),
      version: { id: r.version.id, number: r.version.number, sha256: r.version.sha256, html: r.version.html, createdAt: r.version.createdAt },
      decidedAt: r.decidedAt,
      outcomeStatement: r.outcomeStatement,
    });
  }
  return out;
}

/** One approved recommendation of the forum, or null when the document has none (or is not the forum's). */
export async function getApprovedRecommendation(db: DbClient, forumId: string, documentId: string): Promise<PublicRecommendation | null> {
  return (await listApprovedRecommendations(db, forumId, documentId))[0] ?? null;
}

/** The forum's active target areas in their order (the public page's sections). */
export async function listPublicTargetAreas(db: DbClient, forumId: string) {
  return db.targetArea.findMany({
    where: { forumId, archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, description: true },
  });
}
