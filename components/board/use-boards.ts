"use client";

import { useEffect, useState } from "react";
import * as Y from "yjs";
import type { ActorStanding } from "@/lib/policies/actor";
import { presentAction, type ActionView, type PresentedAction } from "@/lib/presenters/action";
import type { ApprovalView } from "@/lib/presenters/approval";
import { boardRoom } from "@/lib/realtime/rooms";
import { openRoomProvider } from "../realtime/open-provider";

/**
 * Live action items (and approval requests) of some groups: one read-only board room per group (stock y-websocket), each
 * a replica of what the database holds. Until a room has synced, the server-rendered items stand
 * in. Items arrive viewer-neutral and are presented here with the viewer's abilities, by the same
 * presenter (and policy) the server uses.
 */
export function useBoards(
  groupIds: string[], initial: PresentedAction[], viewer: ActorStanding, initialApprovals: ApprovalView[] = [],
): { items: PresentedAction[]; approvals: ApprovalView[]; live: boolean } {
  const [byGroup, setByGroup] = useState<Record<string, ActionView[]>>({});
  const [approvalsByGroup, setApprovalsByGroup] = useState<Record<string, ApprovalView[]>>({});
  const [live, setLive] = useState(false);
  const key = [...groupIds].sort().join(",");

  useEffect(() => {
    const ids = key ? key.split(",") : [];
    const connected = new Set<string>();
    const open = ids.map((groupId) => {
      const doc = new Y.Doc();
      // Our protocol addition (saved / access) means nothing for a read-only board.
      const provider = openRoomProvider(boardRoom(groupId), doc);
      const map = doc.getMap<ActionView>("items");
      const approvals = doc.getMap<ApprovalView>("approvals");
      const read = () => {
        if (!provider.synced) return;
        setByGroup((prev) => ({ ...prev, [groupId]: [...map.values()] }));
        setApprovalsByGroup((prev) => ({ ...prev, [groupId]: [...approvals.values()] }));
      };
      map.observe(read);
      approvals.observe(read);
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
      setApprovalsByGroup({});
      setLive(false);
    };
  }, [key]);

  const ids = key ? key.split(",") : [];
  const items = ids.flatMap((g) => (byGroup[g] ? byGroup[g].map((i) => presentAction(viewer, i)) : initial.filter((i) => i.groupId === g)));
  const approvals = ids.flatMap((g) => approvalsByGroup[g] ?? initialApprovals.filter((a) => a.groupId === g));
  return { items, approvals, live };
}
