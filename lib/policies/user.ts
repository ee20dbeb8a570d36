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

/** Why an erasure (GDPR art. 17) is refused, as a message key, or null when the actor may erase the person. */
export type ErasureRefusal = "forbidden" | "errors.eraseSelf" | "errors.alreadyErased" | "errors.eraseLastAdmin";

/**
 * An administrator of a forum the person belongs to erases them: never themselves, never someone
 * already erased, never a forum's only administrator (nobody could repair that forum from the screens).
 */
export function erasureRefusal(
  actor: ActorStanding,
  target: { id: string; erased: boolean; memberHere: boolean; onlyAdminOfForums: number },
): ErasureRefusal | null {
  if (!forumAbilities(actor).administer) return "forbidden";
  if (target.erased) return "errors.alreadyErased";
  if (!target.memberHere) return "forbidden";
  if (target.id === actor.userId) return "errors.eraseSelf";
  if (target.onlyAdminOfForums > 0) return "errors.eraseLastAdmin";
  return null;
}
