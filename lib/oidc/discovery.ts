import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";

// What an issuer publishes at /.well-known/openid-configuration, read once per issuer and kept for
// ten minutes; its signing keys through jose's remote key set (which refetches on an unknown kid).

export interface IssuerMetadata {
  issuer: string;
  jwks_uri: string;
  end_session_endpoint?: string;
  userinfo_endpoint?: string;
}

const TTL_MS = 10 * 60_000;
const metadata = new Map<string, { at: number; value: Promise<IssuerMetadata> }>();
const keySets = new Map<string, JWTVerifyGetKey>();

export function wellKnownUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

export function issuerMetadata(issuer: string): Promise<IssuerMetadata> {
  const hit = metadata.get(issuer);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = fetch(wellKnownUrl(issuer), { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } }).then(async (res) => {
    if (!res.ok) throw new Error(`${wellKnownUrl(issuer)} answered ${res.status}`);
    const body = (await res.json()) as Partial<IssuerMetadata>;
    if (typeof body.issuer !== "string" || typeof body.jwks_uri !== "string") throw new Error(`${wellKnownUrl(issuer)} has no issuer or jwks_uri`);
    return body as IssuerMetadata;
  });
  // A failed read is not kept: the next request asks again.
  value.catch(() => metadata.delete(issuer));
  metadata.set(issuer, { at: Date.now(), value });
  return value;
}

export function issuerKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUri);
  if (!keys) keySets.set(jwksUri, (keys = createRemoteJWKSet(new URL(jwksUri))));
  return keys;
}

/**
 * The person's claims: the ID token's (verified by next-auth: signature, issuer, audience, nonce),
 * completed from the userinfo endpoint, as many providers put e-mail and name only there. Userinfo
 * about another subject is ignored (OpenID Connect Core 5.3.2).
 */
export async function completeClaims<C extends { sub: string }>(issuer: string, accessToken: string | undefined, idClaims: C): Promise<C> {
  if (!accessToken) return idClaims;
  const meta = await issuerMetadata(issuer);
  if (!meta.userinfo_endpoint) return idClaims;
  const res = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
  if (!res.ok || !res.headers.get("content-type")?.includes("json")) return idClaims;
  const info = (await res.json()) as Record<string, unknown>;
  if (info.sub !== idClaims.sub) return idClaims;
  return { ...info, ...idClaims };
}
