import type { BoardItem } from "../db/actions.ts";
import type { ActorStanding } from "../policies/actor.ts";
import { actionAbilities, type ActionAbilities } from "../policies/action.ts";

/**
 * An action item as it leaves the server: API JSON, the board room's payload and client props are
 * this one shape. The board room carries it without abilities (one replica serves every viewer);
 * what a viewer may do is added by `presentAction`, on the server for the first render and in the
 * browser for live updates — the same policy function in both places.
 */
export type ActionView = BoardItem;

export interface PresentedAction extends ActionView {
  abilities: ActionAbilities;
}

export function presentAction(viewer: ActorStanding, item: ActionView): PresentedAction {
  return { ...item, abilities: actionAbilities(viewer, { groupId: item.groupId, ownerId: item.owner?.id ?? null }) };
}

export function presentActions(viewer: ActorStanding, items: ActionView[]): PresentedAction[] {
  return items.map((i) => presentAction(viewer, i));
}

/** The part of a standing the browser needs to present live items (no forum data, no names). */
export function viewerOf(standing: ActorStanding): ActorStanding {
  return { userId: standing.userId, role: standing.role, groupIds: [...standing.groupIds] };
}

/** A viewer's part in an item: its owner (who is its Accountable), or A or R as a person or through a group. */
export interface MyRole {
  role: "owner" | "A" | "R";
  /** The group through which the viewer has the role. */
  via?: string;
}

/**
 * What makes an item the viewer's own ("Mine tiltak"): owning it (the owner is the Accountable
 * person), being its A or R in person, or through a group they are a member of. Empty: not theirs.
 */
export function myRoles(viewer: ActorStanding, item: ActionView): MyRole[] {
  const out: MyRole[] = [];
  if (item.owner?.id === viewer.userId) out.push({ role: "owner" });
  for (const r of item.raci) {
    if (r.role !== "A" && r.role !== "R") continue;
    if (r.user?.id === viewer.userId) {
      if (!(r.role === "A" && out.some((x) => x.role === "owner"))) out.push({ role: r.role });
    } else if (r.group && viewer.groupIds.includes(r.group.id)) out.push({ role: r.role, via: r.group.name });
  }
  return out;
}
