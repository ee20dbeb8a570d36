"use client";

import { useRef, useState } from "react";
import { useT } from "../i18n-provider";
import { TextField } from "../ui/field";
import { safeCallback } from "@/lib/http/safe-callback";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  function fail(message: string) {
    setError(message);
    setBusy(false);
    queueMicrotask(() => errorRef.current?.focus());
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          csrfToken,
          callbackUrl: safeCallback(callbackUrl, window.location.origin),
          json: "true",
        }),
      });
      if (res.status === 429) {
        const seconds = Number(res.headers.get("retry-after") ?? "60");
        return fail(seconds >= 120 ? t("login.rateLimited", { minutes: Math.ceil(seconds / 60) }) : t("login.rateLimitedSeconds", { seconds }));
      }
      const data = (await res.json().catch(() => ({}))) as { url?: string };
      const error = data.url ? new URL(data.url, window.location.href).searchParams.get("error") : null;
      // Shared with lib/auth/options.ts (ONE_TIME_PASSWORD_EXPIRED, PASSWORD_SIGN_IN_OFF); a client component cannot import it.
      if (error === "OneTimePasswordExpired") return fail(t("login.oneTimePasswordExpired"));
      if (error === "PasswordSignInOff") return fail(t("login.passwordSignInOff"));
      const failed = !res.ok || !data.url || error !== null;
      if (failed) return fail(t("login.failed"));
      window.location.assign(safeCallback(callbackUrl, window.location.origin));
    } catch {
      fail(t("login.networkError"));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-describedby={error ? "login-error" : undefined}>
      <div ref={errorRef} tabIndex={-1} role="alert" id="login-error" className={error ? "notice notice--error" : "visually-hidden"}>
        {error}
      </div>
      <TextField label={t("login.email")} name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label={t("login.password")} name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
