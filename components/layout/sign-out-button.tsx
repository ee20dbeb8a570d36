"use client";

import { useState } from "react";
import { useT } from "../i18n-provider";

/** Signs out through next-auth (CSRF-protected POST) and returns to the sign-in page. */
export function SignOutButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      });
    } finally {
      // A full load on purpose: the session changed, so no client-side cache may survive.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login?signedOut=1");
    }
  }
  return (
    <button type="button" className="button button--quiet" onClick={signOut} disabled={busy}>
      {busy ? t("app.signingOut") : t("app.signOut")}
    </button>
  );
}
