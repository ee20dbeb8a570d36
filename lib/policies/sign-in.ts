import type { ForumRole } from "../db/types.ts";

// Who may come in through an identity provider (OpenID Connect), decided from facts the command
// reads. The rules, in order:
//   1. An identity already linked to an account signs that account in (unless it is disabled).
//   2. Otherwise the provider must vouch for the e-mail address (email_verified).
//   3. An existing account with that address is linked only when it is a member of the provider's
//      forum: a provider configured in one forum can never take over an account of another.
//   4. A new account is made only for an address the forum has invited, or in a domain the
//      provider allows. Nobody else gets an account or a session.

export interface SignInClaims {
  subject: string;
  /** Lower-cased, or null when the provider sent none. */
  email: string | null;
  emailVerified: boolean;
}

export interface SignInFacts {
  allowedDomains: readonly string[];
  /** The account this provider's subject is already linked to. */
  linked: { userId: string; disabled: boolean } | null;
  /** The account that has the claimed address. */
  byEmail: { userId: string; disabled: boolean; memberOfForum: boolean } | null;
  /** A pending invitation of the address to the provider's forum. */
  invitation: { id: string; role: ForumRole } | null;
}

export type SignInRefusal = "disabled" | "unverified" | "elsewhere" | "not_invited";

export type SignInDecision =
  | { kind: "signin"; userId: string }
  | { kind: "link"; userId: string; joinForum: { invitationId: string; role: ForumRole } | null }
  | { kind: "create"; role: ForumRole; invitationId: string | null }
  | { kind: "refuse"; reason: SignInRefusal };

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** The domains a provider allows, as stored ("fylke.no kommune.no"): lower case, no "@", no blanks. */
export function parseDomains(list: string): string[] {
  return [...new Set(list.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))];
}

export function decideSignIn(claims: SignInClaims, facts: SignInFacts): SignInDecision {
  if (facts.linked) return facts.linked.disabled ? { kind: "refuse", reason: "disabled" } : { kind: "signin", userId: facts.linked.userId };
  if (!claims.email || !claims.emailVerified) return { kind: "refuse", reason: "unverified" };
  if (facts.byEmail) {
    if (facts.byEmail.disabled) return { kind: "refuse", reason: "disabled" };
    if (facts.byEmail.memberOfForum) return { kind: "link", userId: facts.byEmail.userId, joinForum: null };
    return { kind: "refuse", reason: "elsewhere" };
  }
  if (facts.invitation) return { kind: "create", role: facts.invitation.role, invitationId: facts.invitation.id };
  if (facts.allowedDomains.includes(emailDomain(claims.email))) return { kind: "create", role: "MEMBER", invitationId: null };
  return { kind: "refuse", reason: "not_invited" };
}

/**
 * A password signs a person in only while every forum they belong to takes passwords: a session
 * reaches all their forums, so one forum that wants its identity provider only decides for all.
 */
export function mayUsePassword(forumsPasswordSignIn: readonly boolean[]): boolean {
  return forumsPasswordSignIn.every(Boolean);
}
