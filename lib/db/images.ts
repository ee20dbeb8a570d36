import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient } from "./types.ts";

export interface NewImage {
  forumId: string;
  documentId: string;
  mime: string;
  width: number;
  height: number;
  sha256: string;
  data: Uint8Array;
  alt: string;
}

/** Stores an uploaded (already checked) image of a document, audited. */
export async function insertImage(tx: DbClient, actor: Actor, image: NewImage) {
  const row = await tx.documentImage.create({
    data: {
      documentId: image.documentId, uploadedById: actor.userId, mime: image.mime, size: image.data.byteLength,
      width: image.width, height: image.height, sha256: image.sha256, data: Buffer.from(image.data), alt: image.alt,
    },
    select: { id: true, documentId: true, mime: true, size: true, width: true, height: true, sha256: true, alt: true },
  });
  await appendAudit(tx, {
    forumId: image.forumId, actorId: actor.userId, ip: actor.ip, action: "document.image", entityType: "DocumentImage", entityId: row.id,
    after: { documentId: image.documentId, mime: row.mime, size: row.size, width: row.width, height: row.height, sha256: row.sha256 },
  });
  return row;
}

/** An image with what its reader's right depends on: its document's forum, group and archived state. */
export async function findImage(db: DbClient, imageId: string) {
  return db.documentImage.findUnique({
    where: { id: imageId },
    select: {
      id: true, mime: true, sha256: true, data: true,
      document: { select: { id: true, forumId: true, groupId: true, archivedAt: true } },
    },
  });
}
