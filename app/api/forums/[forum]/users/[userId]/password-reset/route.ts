import { resetMemberPassword } from "@/lib/commands/users";
import { forumRoute } from "@/lib/http/forum-route";

/** A new one-time password, shown once. */
export const POST = forumRoute<{ forum: string; userId: string }>({ role: "admin", headers: { "Cache-Control": "no-store" } }, async ({ params, caller }) =>
  resetMemberPassword(caller, params.userId),
);
