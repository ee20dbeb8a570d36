import { eraseMember } from "@/lib/commands/users";
import { forumRoute } from "@/lib/http/forum-route";
import { erasureSchema } from "@/lib/validation/user";

/** Erases a person's personal data (GDPR art. 17); 409 for oneself, a forum's only administrator, or someone already erased. */
export const POST = forumRoute<{ forum: string; userId: string }, typeof erasureSchema>(
  { role: "admin", body: erasureSchema, headers: { "Cache-Control": "no-store" } },
  async ({ params, caller }) => eraseMember(caller, params.userId),
);
