import { addGroupMember } from "@/lib/commands/groups";
import { forumRoute } from "@/lib/http/forum-route";
import { membershipAddSchema } from "@/lib/validation/group";

/** Adds a forum member to the group (its leads and the administrators; the command asks the policy). */
export const POST = forumRoute<{ forum: string; groupId: string }, typeof membershipAddSchema>({ body: membershipAddSchema, status: 201 }, async ({ params, caller, body }) => ({
  membership: await addGroupMember(caller, params.groupId, body),
}));
