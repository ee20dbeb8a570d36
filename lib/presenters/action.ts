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
