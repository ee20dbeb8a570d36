import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client.ts";
import { transaction } from "../db/transaction.ts";
import { auditSignIn, findUserForSignIn } from "../db/users.ts";
import { env } from "../env.ts";
import { CLIENT_IP_HEADER } from "../http/client-ip.ts";
import { signInSchema } from "../validation/auth.ts";
import { loginLimits } from "./limits.ts";
import { verifyPassword } from "./password.ts";
import { loginBlockedFor, recordSignIn } from "./rate-limit.ts";

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
          const limits = loginLimits();
          // The route answers 429 before we get here; this closes the race between parallel attempts.
          if ((await loginBlockedFor(db(), limits, email, ip)) !== null) return null;
          const user = await findUserForSignIn(db(), email);
          const ok = await verifyPassword(user?.passwordHash ?? null, password);
          const success = ok && user !== null && user.disabledAt === null;
          await recordSignIn(db(), limits, email, ip, success);
          if (user) await transaction((tx) => auditSignIn(tx, user.id, ip, success ? "success" : ok ? "disabled" : "password"));
          if (!success || !user) return null;
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
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
