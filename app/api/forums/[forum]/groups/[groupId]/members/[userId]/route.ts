import { removeGroupMember, setGroupMemberRole } from "@/lib/commands/groups";
import { forumRoute } from "@/lib/http/forum-route";
import { membershipRoleSchema } from "@/lib/validation/group";

type Params = { forum: string; groupId: string; userId: string };

export const PATCH = forumRoute<Params, typeof membershipRoleSchema>({ body: membershipRoleSchema }, async ({ params, caller, body }) => ({
  membership: await setGroupMemberRole(caller, params.groupId, params.userId, body.role),
}));

export const DELETE = forumRoute<Params>({}, async ({ params, caller }) => {
  await removeGroupMember(caller, params.groupId, params.userId);
  return { ok: true };
});
