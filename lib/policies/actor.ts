/**
 * The actor's standing in one forum: everything a policy needs to know about who is asking.
 * Plain data, so the same policies run on the server and, for live updates, in the browser.
 */
export interface ActorStanding {
  userId: string;
  role: "ADMIN" | "PROJECT_LEADER" | "MEMBER";
  /** Ids of the (active) groups the actor is a member of in this forum. */
  groupIds: readonly string[];
  /** Ids of those groups the actor leads (role LEAD). Absent where no rule needs it (read as none). */
  leadGroupIds?: readonly string[];
}

/** The actor leads or belongs to the group's work: its members, and the project leader in every group. */
export function worksInGroup(actor: ActorStanding, groupId: string): boolean {
  return actor.role === "PROJECT_LEADER" || actor.groupIds.includes(groupId);
}

/** The actor is a lead of the group (LEAD membership); a forum role alone never makes anyone a lead. */
export function leadsGroup(actor: ActorStanding, groupId: string): boolean {
  return actor.leadGroupIds?.includes(groupId) ?? false;
}

/** The actor is a member of the group (for "my groups" lists; rights come from the abilities). */
export function isMemberOf(actor: ActorStanding, groupId: string): boolean {
  return actor.groupIds.includes(groupId);
}

/** The actor owns the item (for "my actions" lists and the owner's status right). */
export function isOwner(actor: ActorStanding, item: { owner: { id: string } | null } | { ownerId: string | null }): boolean {
  const ownerId = "ownerId" in item ? item.ownerId : (item.owner?.id ?? null);
  return ownerId !== null && ownerId === actor.userId;
}
