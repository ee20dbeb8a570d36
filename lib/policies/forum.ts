import type { ActorStanding } from "./actor.ts";

// Every member of a forum reads every group's page, members, documents and board: a standing
// (found only for members) is the whole read check. Outside the forum nothing is visible (404).

export interface ForumAbilities {
  /** Groups, members, roles, users, target areas and the audit log. */
  administer: boolean;
  /** The project leader's overview of every group's actions and its CSV. */
  overview: boolean;
}

export function forumAbilities(actor: ActorStanding): ForumAbilities {
  return {
    administer: actor.role === "ADMIN",
    // Every member may open the overview (it is read-only); writing is decided per item.
    overview: true,
  };
}
