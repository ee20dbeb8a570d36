import { apiRoute, readBody } from "@/lib/http/api";
import { cookieHeader } from "@/lib/http/cookies";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { updateOwnAccount } from "@/lib/commands/account";
import { accountUpdateSchema } from "@/lib/validation/user";

export const PATCH = apiRoute(async ({ req, ip, user }) => {
  const me = await user();
  const input = await readBody(req, accountUpdateSchema);
  const account = await updateOwnAccount({ userId: me.id, ip }, input);
  const headers = new Headers();
  headers.append("Set-Cookie", cookieHeader(LOCALE_COOKIE, account.locale, { maxAgeSeconds: 365 * 24 * 3600, httpOnly: false }));
  return Response.json({ account }, { headers });
});
