import type { BoardRoom } from "./board-room.ts";
import type { ExtensionFactory, Log } from "./room.ts";
import type { RoomStore } from "./room-store.ts";

/**
 * Board rooms follow the database: on `board.changed` for the room's group the items are re-read
 * and applied, one refresh at a time so an older read never overwrites a newer one.
 */
export function boardFeed(store: RoomStore, log: Log): ExtensionFactory<BoardRoom> {
  return (room) => {
    let queue: Promise<void> = Promise.resolve();
    let stopped = false;
    return {
      onEvent(event) {
        if (event.type !== "board.changed" || event.groupId !== room.groupId || stopped) return;
        queue = queue
          .then(async () => {
            const [items, approvals] = await Promise.all([store.loadBoard(room.groupId, room.closedSince), store.loadApprovals(room.groupId)]);
            if (!stopped) room.applyBoard(items, approvals);
          })
          .catch((error) => log(`refreshing ${room.name} failed`, error));
      },
      async onUnload() {
        stopped = true;
        await queue;
      },
    };
  };
}
