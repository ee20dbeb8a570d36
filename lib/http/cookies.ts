import { env } from "../env.ts";

/** A Set-Cookie value with our fixed attributes: Path=/, SameSite=Lax, Secure behind HTTPS. */
export function cookieHeader(name: string, value: string, opts: { maxAgeSeconds: number; httpOnly: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax", `Max-Age=${opts.maxAgeSeconds}`];
  if (opts.httpOnly) parts.push("HttpOnly");
  if (env().SECURE_COOKIES) parts.push("Secure");
  return parts.join("; ");
}
