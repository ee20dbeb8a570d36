import { withdrawInvitation } from "@/lib/commands/identity-providers";
import { forumRoute } from "@/lib/http/forum-route";

export const DELETE = forumRoute<{ forum: string; invitationId: string }>({ role: "admin" }, async ({ params, caller }) => {
  await withdrawInvitation(caller, params.invitationId);
  return { ok: true };
});
