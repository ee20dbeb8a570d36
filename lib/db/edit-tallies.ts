import type { DbClient } from "./types.ts";

/** A document whose followers may be due a grouped change notice. */
export interface DigestCandidate {
  id: string;
  forumId: string;
  title: string;
}

/** Documents with changes not yet in a grouped notice whose last notice was at or before `cutoff` (or never). */
export async function documentsDueDigest(db: DbClient, cutoff: Date): Promise<DigestCandidate[]> {
  return db.document.findMany({
    where: { editTallies: { some: {} }, OR: [{ digestedAt: null }, { digestedAt: { lte: cutoff } }] },
    orderBy: { id: "asc" },
    select: { id: true, forumId: true, title: true },
  });
}

/**
 * Claims a document's grouped notice: sets `digestedAt` to `now` only while it is still due (no
 * notice since `cutoff`) and has changes waiting. One conditional UPDATE, so of two overlapping
 * ticks (or processes) exactly one gets true. Raw SQL on purpose: it must not touch `updatedAt`,
 * which means "the text or metadata changed" to the automatic versions.
 */
export async function claimDigest(tx: DbClient, documentId: string, cutoff: Date, now: Date): Promise<boolean> {
  const changed = await tx.$executeRaw`
    UPDATE "Document" SET "digestedAt" = ${now}
    WHERE "id" = ${documentId}
      AND ("digestedAt" IS NULL OR "digestedAt" <= ${cutoff})
      AND EXISTS (SELECT 1 FROM "DocumentEditTally" t WHERE t."documentId" = ${documentId})`;
  return changed === 1;
}

/** One editor's changes since the last grouped notice. */
export interface EditTally {
  userId: string;
  name: string;
  changes: number;
}

/** Reads and deletes a document's tallies (inside the claiming transaction: what is read is what is deleted). */
export async function takeEditTallies(tx: DbClient, documentId: string): Promise<EditTally[]> {
  const rows = await tx.documentEditTally.findMany({
    where: { documentId },
    select: { userId: true, changes: true, user: { select: { name: true } } },
  });
  await tx.documentEditTally.deleteMany({ where: { documentId, userId: { in: rows.map((r) => r.userId) } } });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, changes: r.changes }));
}
