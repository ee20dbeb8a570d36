import { signOutEverywhere } from "@/lib/commands/account";
import { db } from "@/lib/db/client";
import { findIdentityUser } from "@/lib/db/identity-providers";
import { verifyLogoutToken } from "@/lib/oidc/logout";
import { PROVIDER_SLUG } from "@/lib/validation/identity-provider";

// OpenID Connect Back-Channel Logout: the provider posts a signed logout token here (server to
// server, so no Origin and no session cookie); every session of that person here ends. Register
// `<APP_URL>/api/oidc/<slug>/backchannel-logout` as the client's backchannel_logout_uri.

const answer = (status: number, body?: object) =>
  new Response(body ? JSON.stringify(body) : null, { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });

export async function POST(req: Request, ctx: { params: Promise<{ provider: string }> }) {
  const { provider } = await ctx.params;
  if (!PROVIDER_SLUG.test(provider)) return answer(404, { error: "not_found" });
  const form = await req.formData().catch(() => null);
  const token = form?.get("logout_token");
  if (typeof token !== "string" || token.length > 20_000) return answer(400, { error: "invalid_request", error_description: "logout_token is missing" });
  let subject: string;
  try {
    ({ subject } = await verifyLogoutToken(provider, token));
  } catch (error) {
    return answer(400, { error: "invalid_request", error_description: `logout_token refused: ${(error as Error).message}` });
  }
  const user = await findIdentityUser(db(), provider, subject);
  // An unknown subject is not an error for the provider: there is simply nothing to end.
  if (user) await signOutEverywhere({ userId: user.id, ip: null }, user.sessionVersion);
  return answer(200);
}
