import { leadsGroup, worksInGroup, type ActorStanding } from "./actor.ts";
import { forumAbilities } from "./forum.ts";

export interface GroupAbilities {
  /** Create documents in the group. */
  createDocument: boolean;
  /** Create action items on the group's board. */
  createAction: boolean;
  /** Set responsibilities on the group's recommendations. */
  setDocumentRaci: boolean;
  /** Rename the group and edit its mandate (the forum's administrators). */
  administer: boolean;
  /**
   * Add forum members to the group, remove them, give and take the lead role: the group's own leads
   * and the forum's administrators. The project leader works in every group but does not decide
   * who is in another body; a lead of one group has no say in another.
   */
  manageMembers: boolean;
}

export function groupAbilities(actor: ActorStanding, group: { id: string; archived?: boolean }): GroupAbilities {
  const open = group.archived !== true;
  const works = open && worksInGroup(actor, group.id);
  const admin = forumAbilities(actor).administer;
  return {
    createDocument: works, createAction: works, setDocumentRaci: works, administer: admin && open,
    manageMembers: open && (admin || leadsGroup(actor, group.id)),
  };
}

/**
 * Whether a change of membership may leave the group without a lead. Administrators may (they
 * reorganise the forum, and always manage every group); a lead may not remove or demote the last
 * lead, themselves included, or nobody but an administrator could manage the group again.
 */
export function mayLeaveGroupWithoutLead(actor: ActorStanding): boolean {
  return forumAbilities(actor).administer;
}
