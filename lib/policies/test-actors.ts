import type { ActorStanding } from "./actor.ts";

// The standings every policy table is written against (test fixtures, shared by lib/policies/*.test.ts).

export const GROUP = "g-competence";
export const OTHER = "g-other";
export const STEERING = "g-steering";

export const admin: ActorStanding = { userId: "u-admin", role: "ADMIN", groupIds: [] };
export const projectLeader: ActorStanding = { userId: "u-leader", role: "PROJECT_LEADER", groupIds: [] };
export const groupMember: ActorStanding = { userId: "u-member", role: "MEMBER", groupIds: [GROUP] };
export const otherGroupMember: ActorStanding = { userId: "u-other", role: "MEMBER", groupIds: [OTHER] };
export const steeringMember: ActorStanding = { userId: "u-steering", role: "MEMBER", groupIds: [STEERING] };
/** An administrator who is also a member of the competence group and the steering group. */
export const adminInGroup: ActorStanding = { userId: "u-admin-member", role: "ADMIN", groupIds: [GROUP, STEERING] };
/** A lead of the competence group (LEAD membership), with no forum role beyond MEMBER. */
export const groupLead: ActorStanding = { userId: "u-lead", role: "MEMBER", groupIds: [GROUP], leadGroupIds: [GROUP] };
/** A lead of another group only: leading one group gives no rights in another. */
export const otherGroupLead: ActorStanding = { userId: "u-other-lead", role: "MEMBER", groupIds: [OTHER], leadGroupIds: [OTHER] };
