import type { Db } from "../db/client.ts";
import { findDocumentForRoom } from "../db/documents.ts";
import { findForumAccess } from "../db/forums.ts";
import { canEditGroupContent } from "../services/permissions.ts";
import { CLOSE, type AccessMode } from "./protocol.ts";
import type { RoomRef } from "./rooms.ts";

export type RoomDecision = { ok: true; mode: AccessMode; forumId: string } | { ok: false; code: number; reason: string };

/**
 * Who may do what in a room, decided once at connect (and again when access changes):
 * members of the owning group and the project leader write; every other member of the forum reads;
 * nobody else gets in. Archived documents are read-only for everyone.
 */
export async function decideRoomAccess(db: Db, userId: string, room: RoomRef): Promise<RoomDecision> {
  if (room.kind !== "document") return { ok: false, code: CLOSE.notFound, reason: "unknown room" };
  const doc = await findDocumentForRoom(db, room.id);
  if (!doc) return { ok: false, code: CLOSE.notFound, reason: "no such document" };
  const access = await findForumAccess(db, userId, { id: doc.forumId });
  if (!access) return { ok: false, code: CLOSE.forbidden, reason: "no access" };
  const write = doc.archivedAt === null && canEditGroupContent(access, doc.groupId);
  return { ok: true, mode: write ? "write" : "read", forumId: doc.forumId };
}
