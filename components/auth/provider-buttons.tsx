"use client";

import { useState } from "react";
import { safeCallback } from "@/lib/http/safe-callback";
import { useT } from "../i18n-provider";

/**
 * One button per identity provider. next-auth's sign-in POST (with its CSRF token) sets the state,
 * PKCE and nonce cookies and answers with the provider's authorisation address, where we go.
 */
export function ProviderButtons({ providers, callbackUrl }: { providers: { slug: string; displayName: string }[]; callbackUrl: string }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  async function go(slug: string) {
    setBusy(slug);
    setFailed(false);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await fetch(`/api/auth/signin/oidc-${encodeURIComponent(slug)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: safeCallback(callbackUrl, window.location.origin), json: "true" }),
      });
      const { url } = (await res.json()) as { url?: string };
      if (!url) throw new Error("no authorisation address");
      window.location.assign(url);
    } catch {
      setBusy(null);
      setFailed(true);
    }
  }
  return (
    <div className="stack-tight">
      <div role="alert" className={failed ? "notice notice--error" : "visually-hidden"}>{failed ? t("login.networkError") : ""}</div>
      {providers.map((p) => (
        <button key={p.slug} type="button" className="button button--primary button--wide" disabled={busy !== null} onClick={() => void go(p.slug)}>
          {busy === p.slug ? t("login.redirecting") : t("login.withProvider", { name: p.displayName })}
        </button>
      ))}
    </div>
  );
}
