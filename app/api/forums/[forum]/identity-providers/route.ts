import { createIdentityProvider } from "@/lib/commands/identity-providers";
import { forumRoute } from "@/lib/http/forum-route";
import { providerCreateSchema } from "@/lib/validation/identity-provider";

/** Adds an OpenID Connect provider to the forum (administrators); the secret is stored sealed. */
export const POST = forumRoute<{ forum: string }, typeof providerCreateSchema>({ role: "admin", body: providerCreateSchema, status: 201 }, async ({ caller, body }) => ({
  provider: await createIdentityProvider(caller, body),
}));
