"use client";

import { useState } from "react";
import { isLocale, LOCALES, translator } from "@/lib/i18n";
import { changePasswordSchema } from "@/lib/validation/auth";
import { LIMITS } from "@/lib/validation/common";
import { accountUpdateSchema } from "@/lib/validation/user";
import { useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { api } from "@/lib/urls";

export function ProfileForm({ name, locale }: { name: string; locale: string }) {
  const t = useT();
  const m = useMutation();
  const [values, setValues] = useState({ name, locale });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // Said in the language just saved: the page turns to it, and the message must not stay in the old one.
    await m.run<{ account: { locale: string } }>({
      url: api.account(), method: "PATCH", body: values, schema: accountUpdateSchema,
      success: (data) => (isLocale(data.account.locale) ? translator(data.account.locale) : t)("account.saved"),
    });
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("account.profile")}</h2>
      <FormStatus error={m.error} success={m.success} />
      <TextField label={t("account.name")} name="name" required maxLength={LIMITS.nameMax} autoComplete="name" value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })} error={m.fieldErrors.name} />
      <SelectField label={t("account.language")} name="locale" value={values.locale} onChange={(e) => setValues({ ...values, locale: e.target.value })}
        options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))} error={m.fieldErrors.locale} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("account.save")}
      </button>
    </form>
  );
}

export function PasswordForm({ mustChange, email }: { mustChange: boolean; email: string }) {
  const t = useT();
  const m = useMutation();
  const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };
  const [values, setValues] = useState(empty);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run({ url: api.accountPassword(), method: "POST", body: values, schema: changePasswordSchema, success: t("account.passwordChanged") });
    if (done) {
      setValues(empty);
      // A first password unlocks the rest of the app: go there.
      // A full load on purpose: the session changed, so no client-side cache may survive.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (mustChange) window.location.assign("/");
    }
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="password-title">
      <h2 id="password-title">{t("account.changePassword")}</h2>
      {mustChange ? <p className="notice notice--info">{t("account.mustChange")}</p> : null}
      <FormStatus error={m.error} success={m.success} />
      {/* Lets password managers store the new password against the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t("account.currentPassword")} name="currentPassword" type="password" required autoComplete="current-password"
        value={values.currentPassword} onChange={(e) => setValues({ ...values, currentPassword: e.target.value })} error={m.fieldErrors.currentPassword} />
      <TextField label={t("account.newPassword")} hint={t("account.newPasswordHint", { min: LIMITS.passwordMin })} name="newPassword" type="password"
        required autoComplete="new-password" minLength={LIMITS.passwordMin} value={values.newPassword}
        onChange={(e) => setValues({ ...values, newPassword: e.target.value })} error={m.fieldErrors.newPassword} />
      <TextField label={t("account.confirmPassword")} name="confirmPassword" type="password" required autoComplete="new-password"
        value={values.confirmPassword} onChange={(e) => setValues({ ...values, confirmPassword: e.target.value })} error={m.fieldErrors.confirmPassword} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("account.submitPassword")}
      </button>
    </form>
  );
}
