import type { Log, Room } from "./room.ts";
import type { RoomRef } from "./rooms.ts";

interface Entry {
  ready: Promise<Room>;
  unloading?: Promise<void>;
  idleTimer?: NodeJS.Timeout;
}

/**
 * The rooms in memory, by name: loaded on first use, shared by every connection to the same name,
 * and stored and freed `idleUnloadMs` after the last connection left. A connection that arrives
 * while its room is unloading waits for that and gets a freshly loaded room.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly open: (ref: RoomRef) => Promise<Room>,
    private readonly idleUnloadMs: number,
    private readonly log: Log,
  ) {}

  get size() {
    return this.entries.size;
  }

  /** The room by name, loading it if needed; cancels a pending idle unload. */
  async acquire(name: string, ref: RoomRef): Promise<Room> {
    let entry = this.entries.get(name);
    while (entry?.unloading) {
      await entry.unloading;
      entry = this.entries.get(name);
    }
    if (!entry) {
      const created: Entry = { ready: this.open(ref) };
      created.ready.catch(() => this.entries.delete(name));
      this.entries.set(name, created);
      entry = created;
    }
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = undefined;
    }
    return entry.ready;
  }

  /** After a connection left: a room nobody is in is unloaded after the idle time. */
  release(name: string, room: Room) {
    const entry = this.entries.get(name);
    if (!entry || room.connections.size > 0 || entry.idleTimer || entry.unloading) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = undefined;
      if (room.connections.size > 0) return;
      entry.unloading = room
        .unload()
        .catch((error) => this.log(`unloading ${name} failed`, error))
        .finally(() => this.entries.delete(name));
    }, this.idleUnloadMs);
  }

  /** A loaded room that is not on its way out, if there is one (event routing). */
  async loaded(name: string): Promise<Room | null> {
    const entry = this.entries.get(name);
    if (!entry || entry.unloading) return null;
    return entry.ready.catch(() => null);
  }

  /** Stores and frees every room (shutdown). */
  async unloadAll() {
    await Promise.all(
      [...this.entries.values()].map(async (e) => {
        if (e.idleTimer) clearTimeout(e.idleTimer);
        if (e.unloading) return e.unloading;
        const room = await e.ready.catch(() => null);
        if (room) await room.unload();
      }),
    );
  }
}
