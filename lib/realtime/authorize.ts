import { documentAbilities } from "../policies/document.ts";
import { CLOSE, type AccessMode } from "./protocol.ts";
import type { RoomStore } from "./room-store.ts";
import type { RoomRef } from "./rooms.ts";

export type RoomDecision = { ok: true; mode: AccessMode; forumId: string } | { ok: false; code: number; reason: string };

/**
 * onAuthorize: who may do what in a room, decided once at connect (and again when access changes).
 * The policies decide: a document's `write` ability makes the socket writable, anything else in the
 * forum reads; boards are read by every member of the forum and written by nobody (the server
 * writes them, from the database). Outside the forum nobody gets in.
 */
export async function decideRoomAccess(store: RoomStore, userId: string, room: RoomRef): Promise<RoomDecision> {
  if (room.kind === "board") {
    const group = await store.boardFacts(room.id);
    if (!group) return { ok: false, code: CLOSE.notFound, reason: "no such group" };
    if (!(await store.standing(userId, group.forumId))) return { ok: false, code: CLOSE.forbidden, reason: "no access" };
    return { ok: true, mode: "read", forumId: group.forumId };
  }
  const doc = await store.documentFacts(room.id);
  if (!doc) return { ok: false, code: CLOSE.notFound, reason: "no such document" };
  const actor = await store.standing(userId, doc.forumId);
  if (!actor) return { ok: false, code: CLOSE.forbidden, reason: "no access" };
  const { write } = documentAbilities(actor, { groupId: doc.groupId, archived: doc.archived });
  return { ok: true, mode: write ? "write" : "read", forumId: doc.forumId };
}
