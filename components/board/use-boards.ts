"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import type { ActorStanding } from "@/lib/policies/actor";
import { presentAction, type ActionView, type PresentedAction } from "@/lib/presenters/action";
import type { ApprovalView } from "@/lib/presenters/approval";
import { boardRoom } from "@/lib/realtime/rooms";
import { openRoomProvider } from "../realtime/open-provider";

/**
 * Live action items (and approval requests) of some groups: one read-only board room per group
 * (stock y-websocket), each a replica of the group's OPEN items as the database holds them (closed
 * ones are not replicated: a forum collects thousands), plus those closed while the room was loaded
 * (its "closed" map). The items shown are the server's (`initial`: a page of a list, one item, a
 * document's anchored items), each replaced by its live version while the room has it.
 *
 * `refresh`: when a room changes after its first sync, the page asks the server again (debounced),
 * so a list's membership, order, counts and closed items follow. `addLive` (the default when no
 * options are given): open items the server did not send (a new one) are added too — for views
 * that show all of a group's items (the document editor), not for a page of a list.
 * Items arrive viewer-neutral and are presented here with the viewer's abilities, by the same
 * presenter (and policy) the server uses.
 */
export function useBoards(
  groupIds: string[], initial: PresentedAction[], viewer: ActorStanding, initialApprovals: ApprovalView[] = [],
  opts: { refresh?: boolean; addLive?: boolean } = { addLive: true },
): { items: PresentedAction[]; approvals: ApprovalView[]; live: boolean } {
  const router = useRouter();
  const [byGroup, setByGroup] = useState<Record<string, ActionView[]>>({});
  const [approvalsByGroup, setApprovalsByGroup] = useState<Record<string, ApprovalView[]>>({});
  const [live, setLive] = useState(false);
  const key = [...groupIds].sort().join(",");
  const refresh = Boolean(opts.refresh);

  useEffect(() => {
    const ids = key ? key.split(",") : [];
    const connected = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = ids.map((groupId) => {
      const doc = new Y.Doc();
      // Our protocol addition (saved / access) means nothing for a read-only board.
      const provider = openRoomProvider(boardRoom(groupId), doc);
      const map = doc.getMap<ActionView>("items");
      // Items closed while the room was loaded (a view that showed them open hears that they closed).
      const closedMap = doc.getMap<ActionView>("closed");
      const approvals = doc.getMap<ApprovalView>("approvals");
      let synced = false;
      const read = () => {
        if (!provider.synced) return;
        setByGroup((prev) => ({ ...prev, [groupId]: [...closedMap.values(), ...map.values()] }));
        setApprovalsByGroup((prev) => ({ ...prev, [groupId]: [...approvals.values()] }));
      };
      const changed = () => {
        read();
        if (!provider.synced) return;
        if (!synced) {
          synced = true;
          return;
        }
        clearTimeout(timer);
        if (refresh) timer = setTimeout(() => router.refresh(), 150);
      };
      map.observe(changed);
      closedMap.observe(read);
      approvals.observe(read);
      provider.on("sync", (isSynced: boolean) => {
        read();
        if (isSynced) synced = true;
      });
      provider.on("status", () => {
        if (provider.wsconnected) connected.add(groupId);
        else connected.delete(groupId);
        setLive(connected.size > 0);
      });
      return { doc, provider };
    });
    return () => {
      clearTimeout(timer);
      for (const { doc, provider } of open) {
        provider.destroy();
        doc.destroy();
      }
      setByGroup({});
      setApprovalsByGroup({});
      setLive(false);
    };
  }, [key, refresh, router]);

  const ids = key ? key.split(",") : [];
  const liveById = new Map<string, ActionView>();
  for (const g of ids) for (const i of byGroup[g] ?? []) liveById.set(i.id, i);
  const items = initial.map((i) => {
    const l = liveById.get(i.id);
    // The newer of the two: a refreshed page may be ahead of a room that has not heard yet, and the other way round.
    return l && l.version >= i.version ? presentAction(viewer, l) : i;
  });
  if (opts.addLive) {
    const known = new Set(initial.map((i) => i.id));
    for (const l of liveById.values()) if (!known.has(l.id)) items.push(presentAction(viewer, l));
  }
  const approvals = ids.flatMap((g) => approvalsByGroup[g] ?? initialApprovals.filter((a) => a.groupId === g));
  return { items, approvals, live };
}
