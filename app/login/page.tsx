import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser, getT } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { signInChoices } from "@/lib/db/identity-providers";
import { env } from "@/lib/env";
import { LanguageSwitch } from "@/components/auth/language-switch";
import { LoginForm } from "@/components/auth/login-form";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { safeCallback } from "@/lib/http/safe-callback";
import type { MessageKey } from "@/lib/i18n";
import { pages } from "@/lib/urls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("login.title") };
}

const PROVIDER_ERRORS = ["not_invited", "elsewhere", "unverified", "disabled", "unknown_provider"] as const;
/** next-auth's own errors of the OAuth flow: a tampered or stale state, an expired code, a refused token. */
const INTERRUPTED = new Set(["OAuthSignin", "OAuthCallback", "OAuthAccountNotLinked", "Callback", "AccessDenied", "Configuration"]);

function errorMessage(error: string | undefined): MessageKey | null {
  if (!error) return null;
  const reason = error.startsWith("oidc_") ? error.slice("oidc_".length) : null;
  if (reason && (PROVIDER_ERRORS as readonly string[]).includes(reason)) return `login.providerErrors.${reason as (typeof PROVIDER_ERRORS)[number]}`;
  if (INTERRUPTED.has(error)) return "login.providerErrors.interrupted";
  return null;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl, env().APP_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getT();
  const { providers, password } = await signInChoices(db());
  const error = errorMessage(typeof params.error === "string" ? params.error : undefined);
  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby="login-title">
        <h1 id="login-title">{t("login.title")}</h1>
        {/* The intro speaks of e-mail and password; with providers, the two headings below say it. */}
        {providers.length ? null : <p className="lead">{t("login.intro")}</p>}
        {params.signedOut ? <p className="notice notice--info">{t("login.signedOut")}</p> : null}
        {error ? <p className="notice notice--error" role="alert">{t(error)}</p> : null}
        {providers.length ? (
          <div className="stack-tight">
            <h2 className="h3-like">{t("login.providersHeading")}</h2>
            <ProviderButtons providers={providers} callbackUrl={callbackUrl} />
          </div>
        ) : null}
        {password ? (
          <div className="stack-tight">
            {providers.length ? <h2 className="h3-like">{t("login.orPassword")}</h2> : null}
            <LoginForm callbackUrl={callbackUrl} />
          </div>
        ) : null}
        <LanguageSwitch />
        <p className="muted">
          <a href={pages.privacy()}>{t("statements.privacy")}</a> · <a href={pages.accessibility()}>{t("statements.accessibility")}</a>
        </p>
      </section>
    </div>
  );
}
