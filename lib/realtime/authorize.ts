import type { RealtimeStore } from "../db/realtime-store.ts";
import { documentAbilities } from "../policies/document.ts";
import { CLOSE, type AccessMode } from "./protocol.ts";
import type { RoomRef } from "./rooms.ts";

export type RoomDecision = { ok: true; mode: AccessMode; forumId: string } | { ok: false; code: number; reason: string };

/**
 * Who may do what in a room, decided once at connect (and again when access changes):
 * members of the owning group and the project leader write; every other member of the forum reads;
 * nobody else gets in. Archived documents are read-only for everyone. Boards are read-only for all.
 */
export async function decideRoomAccess(store: RealtimeStore, userId: string, room: RoomRef): Promise<RoomDecision> {
  if (room.kind === "board") {
    // Every member of the forum reads every board; nobody writes to it (the server does, from the database).
    const group = store.groupForum(room.id);
    if (!group) return { ok: false, code: CLOSE.notFound, reason: "no such group" };
    if (!store.forumAccess(userId, group.forumId)) return { ok: false, code: CLOSE.forbidden, reason: "no access" };
    return { ok: true, mode: "read", forumId: group.forumId };
  }
  const doc = store.document(room.id);
  if (!doc) return { ok: false, code: CLOSE.notFound, reason: "no such document" };
  const access = store.forumAccess(userId, doc.forumId);
  if (!access) return { ok: false, code: CLOSE.forbidden, reason: "no access" };
  const write = documentAbilities(access, { groupId: doc.groupId, archived: doc.archivedAt !== null }).write;
  return { ok: true, mode: write ? "write" : "read", forumId: doc.forumId };
}
