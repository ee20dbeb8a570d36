import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "../db/client.ts";
import { listSignInProviders, memberForumsPasswordSignIn } from "../db/identity-providers.ts";
import { transaction } from "../db/transaction.ts";
import { auditSignIn, findUserForSignIn } from "../db/users.ts";
import { env } from "../env.ts";
import { safeCallback } from "../http/safe-callback.ts";
import { completeClaims, wellKnownUrl } from "../oidc/discovery.ts";
import { openClientSecret } from "../oidc/secret.ts";
import { signInSchema } from "../validation/auth.ts";
import { verifyPassword } from "./password.ts";
import { isOneTimePasswordExpired } from "../policies/account.ts";
import { mayUsePassword } from "../policies/sign-in.ts";
import { adoptChosenLocale, signOutEverywhere } from "../commands/account.ts";
import { signInThroughProvider, type ProviderClaims } from "../commands/sign-in.ts";
import { recordSignInSuccess } from "./rate-limit.ts";
import { signInRequest } from "./sign-in-context.ts";

/** The sign-in error (in the `error` query parameter) for a one-time password past its expiry. */
export const ONE_TIME_PASSWORD_EXPIRED = "OneTimePasswordExpired";
/** The sign-in error for a password when one of the user's forums takes only its identity providers. */
export const PASSWORD_SIGN_IN_OFF = "PasswordSignInOff";
/** next-auth's id of a forum's identity provider. */
export const OIDC_PREFIX = "oidc-";

/** Sessions last a working week; a password change ends them all at once (see session.ts). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

/**
 * One enabled identity provider as next-auth's OAuth provider: discovery from the issuer, the
 * authorisation code flow with PKCE, state and nonce all checked, and the ID token verified.
 */
function oidcProvider(p: Awaited<ReturnType<typeof listSignInProviders>>[number], secret: string): OAuthConfig<ProviderClaims> {
  return {
    id: `${OIDC_PREFIX}${p.slug}`,
    name: p.displayName,
    type: "oauth",
    wellKnown: wellKnownUrl(p.issuer),
    clientId: p.clientId,
    clientSecret: secret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    // The account behind the session is settled in the signIn callback, which replaces these.
    profile: (claims) => ({ id: claims.sub, name: null, email: null, sessionVersion: -1 }),
  };
}

/**
 * next-auth configuration, built per request: e-mail + password, and each enabled identity provider
 * of every forum (OpenID Connect). JWT sessions in an HttpOnly, SameSite=Lax cookie.
 */
export async function authOptions(): Promise<NextAuthOptions> {
  const e = env();
  const configured = await listSignInProviders(db());
  const issuers = new Map(configured.map((p) => [`${OIDC_PREFIX}${p.slug}`, p.issuer]));
  const providers = configured
    .map((p) => ({ p, secret: openClientSecret(p.clientSecret) }))
    // A secret sealed under an earlier NEXTAUTH_SECRET cannot be read: that provider is left out
    // until the administrator enters it again (the admin page says so).
    .filter((x): x is { p: typeof x.p; secret: string } => x.secret !== null)
    .map(({ p, secret }) => oidcProvider(p, secret));
  const chosenLocale = async (userId: string) => {
    const { chosenLocale: locale, ip } = signInRequest();
    if (locale) await adoptChosenLocale({ userId, ip }, locale);
  };
  return {
    secret: e.NEXTAUTH_SECRET,
    useSecureCookies: e.SECURE_COOKIES,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-mail and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse({ email: credentials?.email ?? "", password: credentials?.password ?? "" });
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = signInRequest().ip ?? "unknown";
          // The route reserved this attempt (counted as a failure until it succeeds) before we got
          // here, or answered 429 without checking any password (app/api/auth/[...nextauth]).
          const user = await findUserForSignIn(db(), email);
          const ok = await verifyPassword(user?.passwordHash ?? null, password);
          const success = ok && user !== null && user.disabledAt === null;
          // Attempts on existing accounts go into the audit chain of each of the user's forums.
          if (user) await transaction((tx) => auditSignIn(tx, user.id, ip, success ? "success" : ok ? "disabled" : "password"));
          if (!success || !user) return null;
          // The right one-time password, but too old: a clear refusal (the attempt stays a failure).
          if (isOneTimePasswordExpired(user)) throw new Error(ONE_TIME_PASSWORD_EXPIRED);
          // The right password, but a forum of theirs takes only its identity provider.
          if (!mayUsePassword(await memberForumsPasswordSignIn(db(), user.id))) throw new Error(PASSWORD_SIGN_IN_OFF);
          await recordSignInSuccess(db(), email, ip);
          await chosenLocale(user.id);
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        },
      }),
      ...providers,
    ],
    events: {
      // A JWT cannot be revoked alone: signing out moves the user's sessionVersion on, which ends
      // this session and every other one (and closes their sockets), so a copied cookie is dead too.
      async signOut({ token }) {
        if (token?.sub && typeof token.sv === "number") await signOutEverywhere({ userId: token.sub, ip: null }, token.sv);
      },
    },
    callbacks: {
      // Through an identity provider: the account is found, linked or made here (or refused, with
      // the reason on the sign-in page). next-auth then makes the session from `user`.
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        const slug = account.provider.slice(OIDC_PREFIX.length);
        const issuer = issuers.get(account.provider);
        const fromIdToken = { ...(profile as ProviderClaims | undefined), sub: account.providerAccountId };
        const claims = issuer ? await completeClaims(issuer, account.access_token, fromIdToken) : fromIdToken;
        const result = await signInThroughProvider(slug, claims, signInRequest().ip);
        if (!result.ok) return `${e.APP_URL}/login?error=oidc_${result.reason}`;
        Object.assign(user, { id: result.user.id, name: result.user.name, email: result.user.email, sessionVersion: result.user.sessionVersion });
        await chosenLocale(result.user.id);
        return true;
      },
      // Only our own paths are followed after sign-in (see safeCallback); never another host.
      redirect({ url }) {
        return `${e.APP_URL}${safeCallback(url, e.APP_URL)}`;
      },
      jwt({ token, user, account }) {
        if (user) {
          token.sub = user.id;
          token.sv = user.sessionVersion;
        }
        // Kept for the provider's own logout (RP-initiated: id_token_hint), never shown to the page.
        if (account?.type === "oauth") {
          token.idp = account.provider.slice(OIDC_PREFIX.length);
          if (account.id_token) token.idt = account.id_token;
        }
        return token;
      },
    },
  };
}
