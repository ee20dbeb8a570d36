import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { loginLimits } from "@/lib/auth/limits";
import { reserveSignInAttempt } from "@/lib/auth/rate-limit";
import { apiRoute } from "@/lib/http/api";
import { AppError } from "@/lib/services/errors";
import { emailSchema } from "@/lib/validation/common";

type Params = { nextauth: string[] };

function nextAuth(req: Request, params: Params) {
  return NextAuth(req as never, { params: Promise.resolve(params) } as never, authOptions()) as Promise<Response>;
}

export const GET = (req: Request, ctx: { params: Promise<Params> }) => ctx.params.then((p) => nextAuth(req, p));

/**
 * Sign-in attempts are refused with 429 and Retry-After while the account from this address, the
 * account from any address or the address is over its limit. The attempt is written before it is
 * counted (reserveSignInAttempt), so parallel attempts cannot slip past the limit together.
 */
export const POST = apiRoute<Params>(async ({ req, params, ip }) => {
  if (params.nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = emailSchema.safeParse(form?.get("email") ?? "");
    const retryAfter = await reserveSignInAttempt(loginLimits(), email.success ? email.data : "", ip ?? "unknown");
    if (retryAfter !== null) throw new AppError("rate_limited", "errors.rateLimited", { seconds: retryAfter }, { retryAfterSeconds: retryAfter });
  }
  return nextAuth(req, params);
});
