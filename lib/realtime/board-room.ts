import type { BoardItem } from "../db/actions.ts";
import { boardRoom } from "./rooms.ts";
import { Room, SERVER_ORIGIN, type ExtensionFactory, type Log, type RoomLimits } from "./room.ts";
import type { RoomStore } from "./room-store.ts";

/**
 * A group's action items as the database has them: a read-only replica for clients. The server
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

  /** onLoadDocument: the group's items from the store. */
  static async load(store: RoomStore, groupId: string, limits: RoomLimits, log: Log, extensions: readonly ExtensionFactory<BoardRoom>[] = []) {
    const room = new BoardRoom(groupId, limits, log);
    room.applyBoard(await store.loadBoard(groupId));
    room.use(extensions);
    return room;
  }

  /** Replaces the board's items with the database's (only what changed is sent). */
  applyBoard(items: BoardItem[]) {
    if (this.closed) return;
    const map = this.doc.getMap<BoardItem>("items");
    this.doc.transact(() => {
      const seen = new Set<string>();
      for (const item of items) {
        seen.add(item.id);
        if (JSON.stringify(map.get(item.id)) !== JSON.stringify(item)) map.set(item.id, item);
      }
      for (const id of [...map.keys()]) if (!seen.has(id)) map.delete(id);
    }, SERVER_ORIGIN);
  }
}
