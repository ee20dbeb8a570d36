import { cookies, headers } from "next/headers";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { loginLimits } from "@/lib/auth/limits";
import { reserveSignInAttempt } from "@/lib/auth/rate-limit";
import { sessionCookieName } from "@/lib/auth/session";
import { withSignInRequest } from "@/lib/auth/sign-in-context";
import { apiRoute } from "@/lib/http/api";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n";
import { providerLogoutUrl } from "@/lib/oidc/logout";
import { AppError } from "@/lib/services/errors";
import { emailSchema } from "@/lib/validation/common";

type Params = { nextauth: string[] };

/** Runs next-auth with the request's address and the language chosen on the sign-in page at hand. */
async function nextAuth(req: Request, params: Params) {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const ip = (await headers()).get(CLIENT_IP_HEADER);
  const options = await authOptions();
  return withSignInRequest({ ip, chosenLocale: isLocale(chosen) ? chosen : null }, () =>
    NextAuth(req as never, { params: Promise.resolve(params) } as never, options) as Promise<Response>);
}

export const GET = (req: Request, ctx: { params: Promise<Params> }) => ctx.params.then((p) => nextAuth(req, p));

/**
 * Sign-in attempts are refused with 429 and Retry-After while the account from this address, the
 * account from any address or the address is over its limit. The attempt is written before it is
 * counted (reserveSignInAttempt), so parallel attempts cannot slip past the limit together.
 * Signing out of a session that began at an identity provider answers with the provider's logout
 * address, so the browser ends the session there too.
 */
export const POST = apiRoute<Params>(async ({ req, params, ip }) => {
  const action = params.nextauth.join("/");
  if (action === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = emailSchema.safeParse(form?.get("email") ?? "");
    const retryAfter = await reserveSignInAttempt(loginLimits(), email.success ? email.data : "", ip ?? "unknown");
    if (retryAfter !== null) throw new AppError("rate_limited", "errors.rateLimited", { seconds: retryAfter }, { retryAfterSeconds: retryAfter });
  }
  if (action === "signout") {
    const logoutUrl = await providerLogoutUrl((await cookies()).get(sessionCookieName())?.value);
    const res = await nextAuth(req, params);
    if (!logoutUrl || !res.headers.get("content-type")?.includes("json")) return res;
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify({ url: logoutUrl }), { status: res.status, headers });
  }
  return nextAuth(req, params);
});
