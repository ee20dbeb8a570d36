"use client";

import { useT } from "@/components/i18n-provider";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
  return (
    <div className="container problem">
      <h1>{t("errors.errorTitle")}</h1>
      <p className="lead">{t("errors.errorBody")}</p>
      <button type="button" className="button button--primary" onClick={reset}>
        {t("errors.tryAgain")}
      </button>
    </div>
  );
}
