"use client";

import { useRouter } from "next/navigation";
import { LOCALES } from "@/lib/i18n";
import { useLocale, useT } from "../i18n-provider";
import { api } from "@/lib/urls";

/** Language choice for visitors who are not signed in (stored in a cookie). */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  async function choose(next: string) {
    await fetch(api.locale(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale: next }) });
    router.refresh();
  }
  return (
    <div className="language-switch" role="group" aria-label={t("app.language")}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} className="button button--quiet" aria-pressed={l === locale} onClick={() => choose(l)}>
          {t(`languages.${l}`)}
        </button>
      ))}
    </div>
  );
}
