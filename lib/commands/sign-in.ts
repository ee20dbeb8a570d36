import { auditSignIn, createUserInForum } from "../db/users.ts";
import {
  acceptInvitation, findLinkedUser, findPendingInvitation, findSignInProvider, findUserForLinking, findUserSession, linkIdentity, touchIdentity,
} from "../db/identity-providers.ts";
import { transaction } from "../db/transaction.ts";
import { decideSignIn, parseDomains, type SignInRefusal } from "../policies/sign-in.ts";
import { emailSchema, LIMITS } from "../validation/common.ts";

/** What the provider said about the person (the ID token's and userinfo's claims). */
export interface ProviderClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
}

export type ProviderSignIn =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: SignInRefusal | "unknown_provider" };

function displayName(claims: ProviderClaims, email: string): string {
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const name = str(claims.name) || [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ") || email.split("@")[0]!;
  return name.slice(0, LIMITS.nameMax).padEnd(LIMITS.nameMin, "_");
}

/**
 * Signs a person in through a forum's identity provider: the linked account, or an account linked
 * or created by the rules in lib/policies/sign-in.ts, all in one transaction with its audit entries.
 */
export async function signInThroughProvider(slug: string, claims: ProviderClaims, ip: string | null): Promise<ProviderSignIn> {
  return transaction(async (tx) => {
    const provider = await findSignInProvider(tx, slug);
    if (!provider) return { ok: false, reason: "unknown_provider" } as const;
    const parsedEmail = emailSchema.safeParse(typeof claims.email === "string" ? claims.email : "");
    const email = parsedEmail.success ? parsedEmail.data : null;
    const linked = await findLinkedUser(tx, provider.id, claims.sub);
    const byEmail = email ? await findUserForLinking(tx, email, provider.forumId) : null;
    const invitation = email ? await findPendingInvitation(tx, provider.forumId, email) : null;
    const decision = decideSignIn(
      { subject: claims.sub, email, emailVerified: claims.email_verified === true },
      { allowedDomains: parseDomains(provider.allowedDomains), linked, byEmail, invitation },
    );
    let userId: string;
    switch (decision.kind) {
      case "refuse": {
        const known = linked?.userId ?? byEmail?.userId;
        if (known && decision.reason === "disabled") await auditSignIn(tx, known, ip, "disabled");
        return { ok: false, reason: decision.reason } as const;
      }
      case "signin":
        userId = decision.userId;
        await touchIdentity(tx, linked!.identityId);
        break;
      case "link":
        userId = decision.userId;
        await linkIdentity(tx, userId, provider.id, claims.sub, provider);
        break;
      case "create": {
        const created = await createUserInForum(tx, null, provider.forumId, {
          name: displayName(claims, email!), email: email!, passwordHash: "", forumRole: decision.role, mustChangePassword: false,
        });
        userId = created.id;
        await linkIdentity(tx, userId, provider.id, claims.sub, provider);
        if (decision.invitationId) await acceptInvitation(tx, decision.invitationId);
        break;
      }
    }
    await auditSignIn(tx, userId, ip, "success");
    return { ok: true, user: await findUserSession(tx, userId) } as const;
  });
}
