import { decode, encode } from "next-auth/jwt";
import { db } from "../db/client.ts";
import { findActiveUser } from "../db/users.ts";
import { env } from "../env.ts";
import { SESSION_MAX_AGE_SECONDS } from "./options.ts";

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findActiveUser>>>;

/** Name of next-auth's session cookie (prefixed __Secure- behind HTTPS). */
export function sessionCookieName(): string {
  return `${env().SECURE_COOKIES ? "__Secure-" : ""}next-auth.session-token`;
}

/** Reads a cookie value out of a raw Cookie header (for websocket upgrades and plain Requests). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Decoded session tokens, by token: decoding derives the key (HKDF) and decrypts on every request
 * (~0.5 ms of CPU, profiled under S8), and a token's payload never changes. Only the decoding is
 * kept; the user, the session version and disabled accounts are still read on every request. An
 * entry is used only until the token's own expiry; the map is bounded.
 */
const decoded = new Map<string, { sub?: string; sv?: unknown; exp?: unknown }>();
const DECODED_MAX = 1000;

async function decodeToken(token: string) {
  const hit = decoded.get(token);
  if (hit && typeof hit.exp === "number" && hit.exp * 1000 > Date.now()) return hit;
  if (hit) decoded.delete(token);
  const payload = await decode({ token, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!payload?.sub || typeof payload.exp !== "number") return payload;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { sub: payload.sub, sv: payload.sv, exp: payload.exp });
  return payload;
}

/**
 * The user behind a session token, checked against the database on every call: a deleted or
 * disabled user, or a session older than the last password change, yields null.
 */
export async function userFromSessionToken(
  token: string | undefined,
  lookup: (id: string) => Promise<SessionUser | null> = (id) => findActiveUser(db(), id),
): Promise<SessionUser | null> {
  if (!token) return null;
  const payload = await decodeToken(token);
  if (!payload?.sub) return null;
  const user = await lookup(payload.sub);
  if (!user || (payload.sv ?? 0) !== user.sessionVersion) return null;
  return user;
}

/** A fresh session token for a user (after a password change keeps the current browser signed in). */
export async function issueSessionToken(user: { id: string; name: string; email: string; sessionVersion: number }) {
  return encode({
    token: { sub: user.id, name: user.name, email: user.email, sv: user.sessionVersion },
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
