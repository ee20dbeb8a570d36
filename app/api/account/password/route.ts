import { issueSessionToken, sessionCookieName } from "@/lib/auth/session";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { apiRoute, readBody } from "@/lib/http/api";
import { cookieHeader } from "@/lib/http/cookies";
import { changePassword } from "@/lib/commands/account";
import { changePasswordSchema } from "@/lib/validation/auth";

/**
 * Changes the caller's password (the one route open to a one-time-password session). Every session
 * and socket of the user ends; this browser gets a fresh session cookie.
 */
export const POST = apiRoute(async ({ req, ip, user }) => {
  const me = await user();
  const input = await readBody(req, changePasswordSchema);
  const { sessionVersion } = await changePassword({ userId: me.id, ip }, input);
  const token = await issueSessionToken({ ...me, sessionVersion });
  const headers = new Headers();
  headers.append("Set-Cookie", cookieHeader(sessionCookieName(), token, { maxAgeSeconds: SESSION_MAX_AGE_SECONDS, httpOnly: true }));
  return Response.json({ ok: true }, { headers });
}, { allowPendingPassword: true });
