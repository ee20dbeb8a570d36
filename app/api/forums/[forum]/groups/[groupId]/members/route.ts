import { addGroupMember } from "@/lib/commands/groups";
import { forumRoute } from "@/lib/http/forum-route";
import { membershipAddSchema } from "@/lib/validation/group";

export const POST = forumRoute<{ forum: string; groupId: string }, typeof membershipAddSchema>({ role: "admin", body: membershipAddSchema, status: 201 }, async ({ params, caller, body }) => ({
  membership: await addGroupMember(caller, params.groupId, body),
}));
