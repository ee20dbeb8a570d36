import { apiRoute, readBody } from "@/lib/http/api";
import { cookieHeader } from "@/lib/http/cookies";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { localeChoiceSchema } from "@/lib/validation/user";

/** Language choice before sign-in (kept in a cookie; signed-in users change it on their account). */
export const POST = apiRoute(async ({ req }) => {
  const { locale } = await readBody(req, localeChoiceSchema);
  const headers = new Headers();
  headers.append("Set-Cookie", cookieHeader(LOCALE_COOKIE, locale, { maxAgeSeconds: 365 * 24 * 3600, httpOnly: false }));
  return Response.json({ locale }, { headers });
});
