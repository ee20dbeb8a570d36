import { inviteAddress } from "@/lib/commands/identity-providers";
import { forumRoute } from "@/lib/http/forum-route";
import { invitationCreateSchema } from "@/lib/validation/identity-provider";

/** Invites an address: its first sign-in through the forum's providers makes the account. */
export const POST = forumRoute<{ forum: string }, typeof invitationCreateSchema>({ role: "admin", body: invitationCreateSchema, status: 201 }, async ({ caller, body }) => ({
  invitation: await inviteAddress(caller, body),
}));
