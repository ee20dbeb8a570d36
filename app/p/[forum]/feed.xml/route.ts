import { cookies, headers } from "next/headers";
import { db } from "@/lib/db/client";
import { findPublicForum, listApprovedRecommendations } from "@/lib/db/public-pages";
import { env } from "@/lib/env";
import { INTL_TAGS, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, translator } from "@/lib/i18n";
import { approvedFeedXml } from "@/lib/services/public-page";

/** Atom feed of a forum's approved versions; no sign-in, 404 (the same) for private and unknown forums. */
export async function GET(_req: Request, { params }: { params: Promise<{ forum: string }> }) {
  const forum = await findPublicForum(db(), (await params).forum);
  if (!forum) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage((await headers()).get("accept-language"));
  const items = await listApprovedRecommendations(db(), forum.id);
  const body = approvedFeedXml(forum, items, translator(locale), { appUrl: env().APP_URL, lang: INTL_TAGS[locale] });
  return new Response(body, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      // Readers may keep it, but must ask again: the forum can close its public page at any time.
      "Cache-Control": "no-cache",
    },
  });
}
