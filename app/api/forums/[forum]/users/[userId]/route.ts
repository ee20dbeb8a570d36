import { setMemberForumRole } from "@/lib/commands/users";
import { forumRoute } from "@/lib/http/forum-route";
import { forumRoleSchema } from "@/lib/validation/user";

/** Sets a member's forum role; the last administrator cannot be demoted (409), also under parallel calls. */
export const PATCH = forumRoute<{ forum: string; userId: string }, typeof forumRoleSchema>({ role: "admin", body: forumRoleSchema }, async ({ params, caller, body }) => ({
  member: await setMemberForumRole(caller, params.userId, body.role),
}));
