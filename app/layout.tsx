import type { Metadata } from "next";
import { getCurrentUser, getLocale } from "@/lib/auth/page-guards";
import { pageReads } from "@/lib/db/page-reads";
import { translator } from "@/lib/i18n";
import { pages } from "@/lib/urls";
import { I18nProvider } from "@/components/i18n-provider";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await getLocale());
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = translator(locale);
  const user = await getCurrentUser();
  // The header searches the forum of the page; elsewhere (account, home) the user's first forum.
  const forums = user && !user.mustChangePassword ? await pageReads().forumsForUser(user.id) : [];
  return (
    <html lang={locale}>
      <body>
        <SkipLink>{t("app.skipToContent")}</SkipLink>
        <I18nProvider locale={locale}>
          <SiteHeader user={user} t={t} defaultForum={forums[0]?.slug ?? null} />
          <main id="main" tabIndex={-1} className="page">
            {children}
          </main>
          <footer className="site-footer">
            <p>{t("app.footer")}</p>
            <nav aria-label={t("statements.footerNav")}>
              <ul className="site-footer__links">
                <li><a href={pages.privacy()}>{t("statements.privacy")}</a></li>
                <li><a href={pages.accessibility()}>{t("statements.accessibility")}</a></li>
              </ul>
            </nav>
          </footer>
        </I18nProvider>
      </body>
    </html>
  );
}
