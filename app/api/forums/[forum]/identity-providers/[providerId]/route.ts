import { removeIdentityProvider, updateIdentityProvider } from "@/lib/commands/identity-providers";
import { forumRoute } from "@/lib/http/forum-route";
import { providerUpdateSchema } from "@/lib/validation/identity-provider";

type Params = { forum: string; providerId: string };

/** Edits a provider (an empty secret keeps the stored one); a stale `version` is a 409. */
export const PATCH = forumRoute<Params, typeof providerUpdateSchema>({ role: "admin", body: providerUpdateSchema }, async ({ params, caller, body }) => ({
  provider: await updateIdentityProvider(caller, params.providerId, body),
}));

export const DELETE = forumRoute<Params>({ role: "admin" }, async ({ params, caller }) => {
  await removeIdentityProvider(caller, params.providerId);
  return { ok: true };
});
