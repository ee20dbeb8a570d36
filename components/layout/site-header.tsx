import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import { HeaderSearch } from "@/components/search/header-search";
import { HeaderMenu } from "./header-menu";
import { SignOutButton } from "./sign-out-button";

/** The bar on top of every page: product name, search (in the forum of the page, else the user's first), account link and sign-out. */
export function SiteHeader({ user, t, defaultForum = null }: { user: { name: string } | null; t: Translate; defaultForum?: string | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">S</span>
          <span className="brand__name">{t("app.name")}</span>
        </Link>
        {user ? <HeaderSearch defaultForum={defaultForum} /> : null}
        {user ? (
          <HeaderMenu label={t("app.mainNav")}>
            <span className="site-header__user">{t("app.signedInAs", { name: user.name })}</span>
            <Link href="/account">{t("app.account")}</Link>
            <SignOutButton />
          </HeaderMenu>
        ) : null}
      </div>
    </header>
  );
}
