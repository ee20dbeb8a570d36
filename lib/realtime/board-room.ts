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
  /**
   * Items closed since then are kept in the room's "closed" map (whole, as the database has them):
   * a view opened a little before, or while, the room was loaded shows them as open until it hears.
   * Bounded by what closes while anyone watches the group, not by the forum's history.
   */
  readonly closedSince = new Date(Date.now() - CLOSED_MARGIN_MS);

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
    room.applyBoard(await store.loadBoard(groupId, room.closedSince), await store.loadApprovals(groupId));
    room.use(extensions);
    return room;
  }

  /**
   * Replaces the board's action items and the approval requests of the group's documents with the
   * database's, in one transaction (only what changed is sent): open items in "items", the ones
   * closed since `closedSince` in "closed".
   */
  applyBoard(items: BoardItem[], approvals: ApprovalView[]) {
    if (this.closed) return;
    const open = items.filter((i) => !CLOSED.has(i.status));
    const closed = items.filter((i) => CLOSED.has(i.status));
    this.doc.transact(() => {
      replaceAll(this.doc.getMap<BoardItem>("items"), open);
      replaceAll(this.doc.getMap<BoardItem>("closed"), closed);
      replaceAll(this.doc.getMap<ApprovalView>("approvals"), approvals);
    }, SERVER_ORIGIN);
  }
}

const CLOSED = new Set<string>(["DONE", "CANCELLED"]);
/** How long before the room loaded a closing still counts (a page rendered just before the room loaded). */
const CLOSED_MARGIN_MS = 10 * 60_000;

function replaceAll<T extends { id: string }>(map: Y.Map<T>, values: T[]) {
  const seen = new Set<string>();
  for (const value of values) {
    seen.add(value.id);
    if (JSON.stringify(map.get(value.id)) !== JSON.stringify(value)) map.set(value.id, value);
  }
  for (const id of [...map.keys()]) if (!seen.has(id)) map.delete(id);
}
