import type { ActorStanding } from "./actor.ts";
import { forumAbilities } from "./forum.ts";

export interface SavedViewAbilities {
  /** See it in one's list of views (a view's URL itself is just a link anyone may open). */
  read: boolean;
  delete: boolean;
}

/** A saved view is personal: only the person who saved it lists and deletes it. */
export function savedViewAbilities(actor: ActorStanding, view: { userId: string }): SavedViewAbilities {
  const own = view.userId === actor.userId;
  return { read: own, delete: own };
}

/**
 * Whether the actor may keep views of a list: the overview for those who may open it; a group's
 * board for anyone who reads it (every member of the forum reads every active group's board; that
 * the group exists and is active is checked by the command).
 */
export function mayKeepViewsOf(actor: ActorStanding, scope: { kind: "overview" } | { kind: "group"; groupId: string }): boolean {
  return scope.kind === "overview" ? forumAbilities(actor).overview : true;
}
