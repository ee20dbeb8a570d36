import type * as Y from "yjs";
import type { BoardItem } from "../db/actions.ts";
import type { ApprovalView } from "../db/approvals.ts";
import { boardRoom } from "./rooms.ts";
import { Room, SERVER_ORIGIN, type ExtensionFactory, type Log, type RoomLimits } from "./room.ts";
import type { RoomStore } from "./room-store.ts";

/**
 * A group's OPEN action items as the database has them: a read-only replica for clients (closed
 * ones come with the pages that show them, so a forum's years of done work is not sent to every
 * viewer of every board). The server
 * writes it (from the board feed); every connection is read-only, so client writes are dropped by
 * the base room, and nothing of it is stored.
 */
export class BoardRoom extends Room {
  private constructor(
    readonly groupId: string,
    limits: RoomLimits,
    log: Log,
  ) {
    super(boardRoom(groupId), limits, log);
  }

  /** onLoadDocument: the group's open items from the store. */
  static async load(store: RoomStore, groupId: string, limits: RoomLimits, log: Log, extensions: readonly ExtensionFactory<BoardRoom>[] = []) {
    const room = new BoardRoom(groupId, limits, log);
    room.applyBoard(await store.loadBoard(groupId), await store.loadApprovals(groupId));
    room.use(extensions);
    return room;
  }

  /**
   * Replaces the board's action items and the approval requests of the group's documents with the
   * database's, in one transaction (only what changed is sent).
   */
  applyBoard(items: BoardItem[], approvals: ApprovalView[]) {
    if (this.closed) return;
    this.doc.transact(() => {
      replaceAll(this.doc.getMap<BoardItem>("items"), items);
      replaceAll(this.doc.getMap<ApprovalView>("approvals"), approvals);
    }, SERVER_ORIGIN);
  }
}

function replaceAll<T extends { id: string }>(map: Y.Map<T>, values: T[]) {
  const seen = new Set<string>();
  for (const value of values) {
    seen.add(value.id);
    if (JSON.stringify(map.get(value.id)) !== JSON.stringify(value)) map.set(value.id, value);
  }
  for (const id of [...map.keys()]) if (!seen.has(id)) map.delete(id);
}
