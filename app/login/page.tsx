import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser, getT } from "@/lib/auth/page-guards";
import { env } from "@/lib/env";
import { LanguageSwitch } from "@/components/auth/language-switch";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallback } from "@/lib/http/safe-callback";
import { pages } from "@/lib/urls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("login.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl, env().APP_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getT();
  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby="login-title">
        <h1 id="login-title">{t("login.title")}</h1>
        <p className="lead">{t("login.intro")}</p>
        {params.signedOut ? <p className="notice notice--info">{t("login.signedOut")}</p> : null}
        <LoginForm callbackUrl={callbackUrl} />
        <LanguageSwitch />
        <p className="muted">
          <a href={pages.privacy()}>{t("statements.privacy")}</a> · <a href={pages.accessibility()}>{t("statements.accessibility")}</a>
        </p>
      </section>
    </div>
  );
}
