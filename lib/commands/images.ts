import { createHash } from "node:crypto";
import { findDocumentForRoom } from "../db/documents.ts";
import { findImage, insertImage } from "../db/images.ts";
import type { ForumAccess } from "../db/forums.ts";
import type { DbClient } from "../db/types.ts";
import { IMAGE_ALT_MAX } from "../editor/image.ts";
import { detectImage } from "../images/detect.ts";
import { documentAbilities, documentFacts } from "../policies/document.ts";
import { AppError } from "../services/errors.ts";
import { runCommand, type CommandCaller } from "./command.ts";

export interface ImageView {
  id: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  alt: string;
}

/**
 * Stores an image for a document: only those who may write its text (the policy's `write`), only
 * PNG, JPEG, WebP or GIF by their bytes (415 otherwise, SVG included), with a readable size (422).
 * The size limit is checked before (the request is read capped).
 */
export function uploadDocumentImage(caller: CommandCaller, documentId: string, input: { bytes: Uint8Array; alt: string }): Promise<ImageView> {
  const alt = input.alt.replace(/\s+/g, " ").trim();
  if (alt.length > IMAGE_ALT_MAX) throw new AppError("invalid_input", "images.altTooLong", { max: IMAGE_ALT_MAX });
  return runCommand(caller, async ({ tx, standing, actor }) => {
    const doc = await findDocumentForRoom(tx, documentId);
    if (!doc || doc.forumId !== standing.forum.id) throw new AppError("not_found");
    if (!documentAbilities(standing, documentFacts(doc)).write) throw new AppError("forbidden");
    const found = detectImage(input.bytes);
    if (!found.mime) throw new AppError("unsupported_file", "images.unsupportedType");
    if (!found.size) throw new AppError("invalid_file", "images.unreadable");
    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    const row = await insertImage(tx, actor, {
      forumId: standing.forum.id, documentId, mime: found.mime, ...found.size, sha256, data: input.bytes, alt,
    });
    return { id: row.id, mime: row.mime, size: row.size, width: row.width, height: row.height, alt: row.alt };
  });
}

/** An image for a reader: 404 unless it belongs to a document of this forum the reader may read. */
export async function readableImage(db: DbClient, access: ForumAccess, imageId: string) {
  const image = await findImage(db, imageId);
  if (!image || image.document.forumId !== access.forum.id) throw new AppError("not_found");
  if (!documentAbilities(access, documentFacts(image.document)).read) throw new AppError("not_found");
  return image;
}
