import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { pageReads } from "../db/page-reads.ts";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, translator, type Locale, type MessageKey } from "../i18n/index.ts";
import { forumAbilities } from "../policies/forum.ts";
import { groupAbilities } from "../policies/group.ts";
import { pages } from "../urls.ts";
import { sessionCookieName, userFromSessionToken } from "./session.ts";

// Server-side checks for pages and layouts. Every page calls one of these: middleware alone
// would never be enough, and the database decides on every request.

/** The signed-in user for this request (one database look-up per request). */
export const getCurrentUser = cache(async () => {
  const store = await cookies();
  return userFromSessionToken(store.get(sessionCookieName())?.value, async (id) => pageReads().activeUser(id));
});

/** The user's standing in a forum, looked up once per request (the layout and the page both ask). */
const forumAccess = cache(async (userId: string, slug: string) => pageReads().forumAccess(userId, slug));

/** The language for this request: the user's choice, else the cookie, else the browser's. */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  if (user && isLocale(user.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

export async function getT() {
  return translator(await getLocale());
}

/** Signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string, opts: { allowPendingPassword?: boolean } = {}) {
  const user = await getCurrentUser();
  if (!user) redirect(pages.login(returnTo));
  if (user.mustChangePassword && !opts.allowPendingPassword) redirect("/account?mustChange=1");
  return user;
}

/** Signed-in member of the forum; anyone else gets 404 (the forum's existence is not revealed). */
export const requireForum = cache(async (slug: string, returnTo: string) => {
  const user = await requireUser(returnTo);
  const access = await forumAccess(user.id, slug);
  if (!access) notFound();
  return { user, access };
});

/** As requireForum, and 403 unless the user administers the forum. */
export async function requireForumAdmin(slug: string, returnTo: string) {
  const result = await requireForum(slug, returnTo);
  if (!forumAbilities(result.access).administer) forbidden();
  return result;
}

/**
 * A page's title, or the 403 page's ("Ingen tilgang") when the page is going to refuse the visitor:
 * Next resolves a page's metadata beside its body, so a refused page would otherwise lend its own
 * name to the 403 page. (Calling forbidden() in generateMetadata is no way out: Next 16 then shows
 * the 404 page's title.) `allowed` must be the same check the page makes.
 */
export async function titleUnlessRefused(allowed: boolean, title: string): Promise<{ title: string }> {
  return { title: allowed ? title : (await getT())("errors.forbiddenTitle") };
}

/** The title of an administration page, "Ingen tilgang" for those the admin layout refuses (403). */
export async function adminPageTitle(params: Promise<{ forum: string }>, key: MessageKey): Promise<{ title: string }> {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.admin(forum));
  return titleUnlessRefused(forumAbilities(access).administer, (await getT())(key));
}

/**
 * The loader of every group page (overview, board, members, an action): the forum standing, the
 * group with its members (404 when it is not in the forum), and what the viewer may do in it. The
 * group's documents are the group page's own (paged), not loaded for the others.
 */
export const requireGroup = cache(async (slug: string, groupId: string, returnTo: string) => {
  const { user, access } = await requireForum(slug, returnTo);
  const group = await pageReads().groupHead(access.forum.id, groupId);
  if (!group) notFound();
  return { user, access, group, abilities: groupAbilities(access, { id: group.id }) };
});
