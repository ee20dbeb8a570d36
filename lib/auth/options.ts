import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client.ts";
import { transaction } from "../db/transaction.ts";
import { auditSignIn, findUserForSignIn } from "../db/users.ts";
import { env } from "../env.ts";
import { CLIENT_IP_HEADER } from "../http/client-ip.ts";
import { safeCallback } from "../http/safe-callback.ts";
import { signInSchema } from "../validation/auth.ts";
import { verifyPassword } from "./password.ts";
import { isOneTimePasswordExpired } from "../policies/account.ts";
import { signOutEverywhere } from "../commands/account.ts";
import { recordSignInSuccess } from "./rate-limit.ts";

/** The sign-in error (in the `error` query parameter) for a one-time password past its expiry. */
export const ONE_TIME_PASSWORD_EXPIRED = "OneTimePasswordExpired";

/** Sessions last a working week; a password change ends them all at once (see session.ts). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

/** next-auth configuration: e-mail + password, JWT sessions in an HttpOnly, SameSite=Lax cookie. */
export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    useSecureCookies: e.SECURE_COOKIES,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-post og passord",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse({ email: credentials?.email ?? "", password: credentials?.password ?? "" });
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ipHeader = req.headers?.[CLIENT_IP_HEADER];
          const ip = (Array.isArray(ipHeader) ? ipHeader[0] : ipHeader) ?? "unknown";
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
          await recordSignInSuccess(db(), email, ip);
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    events: {
      // A JWT cannot be revoked alone: signing out moves the user's sessionVersion on, which ends
      // this session and every other one (and closes their sockets), so a copied cookie is dead too.
      async signOut({ token }) {
        if (token?.sub && typeof token.sv === "number") await signOutEverywhere({ userId: token.sub, ip: null }, token.sv);
      },
    },
    callbacks: {
      // Only our own paths are followed after sign-in (see safeCallback); never another host.
      redirect({ url }) {
        return `${e.APP_URL}${safeCallback(url, e.APP_URL)}`;
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
    },
  };
}
