"use client";

import { useState } from "react";
import { useT } from "../i18n-provider";

/** Signs out through next-auth (CSRF-protected POST) and returns to the sign-in page (or the provider's logout). */
export function SignOutButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    // A session that began at an identity provider ends there too: the answer names its logout address.
    let next = "/login?signedOut=1";
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      });
      const { url } = (await res.json().catch(() => ({}))) as { url?: string };
      if (url && /^https?:\/\//.test(url) && new URL(url).origin !== window.location.origin) next = url;
    } finally {
      // A full load on purpose: the session changed, so no client-side cache may survive.
      window.location.assign(next);
    }
  }
  return (
    <button type="button" className="button button--quiet" onClick={signOut} disabled={busy}>
      {busy ? t("app.signingOut") : t("app.signOut")}
    </button>
  );
}
