import type { ActorStanding } from "./actor.ts";
import { forumAbilities } from "./forum.ts";

export interface UserAbilities {
  /** Change the forum role. */
  setRole: boolean;
  /** Give a new one-time password. */
  resetPassword: boolean;
}

/** What an administrator may do to another member of the forum. */
export function userAbilities(actor: ActorStanding, target: { forumCount: number }): UserAbilities {
  const admin = forumAbilities(actor).administer;
  // An administrator of one forum must not take over an account that also works in another.
  return { setRole: admin, resetPassword: admin && target.forumCount <= 1 };
}

/** The forum invariant: at least one administrator, or nobody could repair it from the screens. */
export function leavesNoAdministrator(change: { fromRole: string; toRole: string; adminsBefore: number }): boolean {
  return change.fromRole === "ADMIN" && change.toRole !== "ADMIN" && change.adminsBefore <= 1;
}
