import { jwtVerify } from "jose";
import { decode } from "next-auth/jwt";
import { db } from "../db/client.ts";
import { findIdentityProviderBySlug } from "../db/identity-providers.ts";
import { env } from "../env.ts";
import { claimOnce } from "../redis/shared.ts";
import { issuerKeys, issuerMetadata } from "./discovery.ts";

// Logging out at both ends. Ours → the provider's: signing out of a session that began at a
// provider sends the browser to its end_session_endpoint (RP-initiated logout). The provider's →
// ours: its back-channel logout token (OpenID Connect Back-Channel Logout 1.0) ends every session
// of the person here.

const BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

/** The provider's logout address for the session in this cookie, or null (password session, or none). */
export async function providerLogoutUrl(sessionToken: string | undefined): Promise<string | null> {
  if (!sessionToken) return null;
  const token = await decode({ token: sessionToken, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.idp) return null;
  const provider = await findIdentityProviderBySlug(db(), token.idp);
  if (!provider) return null;
  const meta = await issuerMetadata(provider.issuer).catch(() => null);
  if (!meta?.end_session_endpoint) return null;
  const url = new URL(meta.end_session_endpoint);
  if (token.idt) url.searchParams.set("id_token_hint", token.idt);
  url.searchParams.set("client_id", provider.clientId);
  url.searchParams.set("post_logout_redirect_uri", `${env().APP_URL}/login?signedOut=1`);
  return url.toString();
}

/** How long a logout token's id is remembered: longer than the 5 minutes a token is accepted for. */
const SEEN_TOKEN_MS = 10 * 60_000;
const seenTokenIds = new Map<string, number>();

/**
 * Whether a logout token's id is seen for the first time. With Redis, across every instance
 * (`SET <prefix>jti:<jti> 1 NX PX …`); without it, or while Redis does not answer, in this process.
 */
async function firstSighting(jti: string): Promise<boolean> {
  const shared = await claimOnce(`jti:${jti}`, SEEN_TOKEN_MS);
  if (shared !== null) return shared;
  const now = Date.now();
  for (const [id, until] of seenTokenIds) if (until < now) seenTokenIds.delete(id);
  if (seenTokenIds.has(jti)) return false;
  seenTokenIds.set(jti, now + SEEN_TOKEN_MS);
  return true;
}

/**
 * A back-channel logout token checked as the specification asks: signed by the provider's key,
 * issued by it, for our client, recent, with the logout event, a subject, no nonce, and not seen
 * before. Gives the subject, or throws with the reason.
 */
export async function verifyLogoutToken(slug: string, logoutToken: string): Promise<{ subject: string; providerSlug: string }> {
  const provider = await findIdentityProviderBySlug(db(), slug);
  if (!provider) throw new Error("unknown provider");
  const meta = await issuerMetadata(provider.issuer);
  const { payload } = await jwtVerify(logoutToken, issuerKeys(meta.jwks_uri), {
    issuer: meta.issuer,
    audience: provider.clientId,
    maxTokenAge: "5 minutes",
  });
  const events = payload.events as Record<string, unknown> | undefined;
  if (!events || typeof events !== "object" || !(BACKCHANNEL_EVENT in events)) throw new Error("not a logout token");
  if ("nonce" in payload) throw new Error("a logout token has no nonce");
  if (typeof payload.sub !== "string" || !payload.sub) throw new Error("no subject (sessions are found by subject)");
  if (typeof payload.jti !== "string") throw new Error("no jti");
  if (!(await firstSighting(payload.jti))) throw new Error("replayed");
  return { subject: payload.sub, providerSlug: slug };
}
