"use client";

import type * as decoding from "lib0/decoding";
import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { BoardItem } from "@/lib/db/actions";
import { MESSAGE_SAMRAD } from "@/lib/realtime/protocol";
import { boardRoom, COLLAB_PATH } from "@/lib/realtime/rooms";

/**
 * Live action items of some groups: one read-only board room per group (stock y-websocket), each
 * a replica of what the database holds. Until a room has synced, the server-rendered items stand in.
 */
export function useBoards(groupIds: string[], initial: BoardItem[]): { items: BoardItem[]; live: boolean } {
  const [byGroup, setByGroup] = useState<Record<string, BoardItem[]>>({});
  const [live, setLive] = useState(false);
  const key = [...groupIds].sort().join(",");

  useEffect(() => {
    const ids = key ? key.split(",") : [];
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${COLLAB_PATH.slice(0, -1)}`;
    const connected = new Set<string>();
    const open = ids.map((groupId) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(url, boardRoom(groupId), doc, { maxBackoffTime: 10_000 });
      // Our protocol addition (saved / access) means nothing for a read-only board.
      (provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>)[MESSAGE_SAMRAD] = () => undefined;
      const map = doc.getMap<BoardItem>("items");
      const read = () => {
        if (!provider.synced) return;
        setByGroup((prev) => ({ ...prev, [groupId]: [...map.values()] }));
      };
      map.observe(read);
      provider.on("sync", read);
      provider.on("status", () => {
        if (provider.wsconnected) connected.add(groupId);
        else connected.delete(groupId);
        setLive(connected.size > 0);
      });
      return { doc, provider };
    });
    return () => {
      for (const { doc, provider } of open) {
        provider.destroy();
        doc.destroy();
      }
      setByGroup({});
      setLive(false);
    };
  }, [key]);

  const ids = key ? key.split(",") : [];
  const items = ids.flatMap((g) => byGroup[g] ?? initial.filter((i) => i.groupId === g));
  return { items, live };
}
