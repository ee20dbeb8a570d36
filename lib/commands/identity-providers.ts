import {
  countEnabledProviders, deleteInvitation, deleteProvider, findForumProvider, insertInvitation, insertProvider, updateProvider,
} from "../db/identity-providers.ts";
import { findForumMemberByEmail } from "../db/users.ts";
import { sealClientSecret } from "../oidc/secret.ts";
import { AppError } from "../services/errors.ts";
import type { InvitationCreateInput, ProviderCreateInput, ProviderUpdateInput } from "../validation/identity-provider.ts";
import { assertVersion, mustAdminister, runCommand, type CommandCaller, type CommandContext } from "./command.ts";

// A forum's sign-in: its identity providers and its invitations (administrators only). A forum
// that has switched password sign-in off always keeps at least one enabled provider, so its
// members are never locked out.

async function mustKeepAWayIn(ctx: CommandContext, losing: boolean) {
  if (!losing) return;
  const forum = await ctx.tx.forum.findUniqueOrThrow({ where: { id: ctx.standing.forum.id }, select: { passwordSignIn: true } });
  if (!forum.passwordSignIn && (await countEnabledProviders(ctx.tx, ctx.standing.forum.id)) <= 1) {
    throw new AppError("conflict", "errors.lastWayIn");
  }
}

export function createIdentityProvider(caller: CommandCaller, input: ProviderCreateInput) {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    return insertProvider(ctx.tx, ctx.actor, ctx.standing.forum.id, { ...input, clientSecret: sealClientSecret(input.clientSecret) });
  }, { uniqueMessage: "errors.providerSlugTaken" });
}

export function updateIdentityProvider(caller: CommandCaller, id: string, input: ProviderUpdateInput) {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    const before = await findForumProvider(ctx.tx, ctx.standing.forum.id, id);
    if (!before) throw new AppError("not_found");
    const { version, clientSecret, ...fields } = input;
    assertVersion(version, before, () => before);
    await mustKeepAWayIn(ctx, before.enabled && fields.enabled === false);
    return updateProvider(ctx.tx, ctx.actor, ctx.standing.forum.id, id, { ...fields, ...(clientSecret ? { clientSecret: sealClientSecret(clientSecret) } : {}) });
  });
}

export function removeIdentityProvider(caller: CommandCaller, id: string) {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    const before = await findForumProvider(ctx.tx, ctx.standing.forum.id, id);
    if (!before) throw new AppError("not_found");
    await mustKeepAWayIn(ctx, before.enabled);
    await deleteProvider(ctx.tx, ctx.actor, ctx.standing.forum.id, id);
  });
}

/** Password sign-in can be switched off only while the forum has an enabled provider. */
export async function mayTurnPasswordsOff(ctx: CommandContext): Promise<void> {
  if ((await countEnabledProviders(ctx.tx, ctx.standing.forum.id)) === 0) throw new AppError("conflict", "errors.passwordNeedsProvider");
}

export function inviteAddress(caller: CommandCaller, input: InvitationCreateInput) {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    if (await findForumMemberByEmail(ctx.tx, ctx.standing.forum.id, input.email)) throw new AppError("conflict", "errors.alreadyForumMember");
    return insertInvitation(ctx.tx, ctx.actor, ctx.standing.forum.id, input);
  }, { uniqueMessage: "errors.alreadyInvited" });
}

export function withdrawInvitation(caller: CommandCaller, id: string) {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    if (!(await deleteInvitation(ctx.tx, ctx.actor, ctx.standing.forum.id, id))) throw new AppError("not_found");
  });
}
