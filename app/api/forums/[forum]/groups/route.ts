import { createGroup } from "@/lib/commands/groups";
import { forumRoute } from "@/lib/http/forum-route";
import { groupCreateSchema } from "@/lib/validation/group";

export const POST = forumRoute<{ forum: string }, typeof groupCreateSchema>({ role: "admin", body: groupCreateSchema, status: 201 }, async ({ caller, body }) => ({
  group: await createGroup(caller, body),
}));
