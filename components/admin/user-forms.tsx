"use client";

import { useState } from "react";
import { FORUM_ROLES, forumRoleSchema, userCreateSchema } from "@/lib/validation/user";
import { LIMITS } from "@/lib/validation/common";
import { useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { api } from "@/lib/urls";

function OneTimePassword({ label, password }: { label: string; password: string }) {
  const t = useT();
  return (
    <div className="notice notice--success one-time-password">
      <p>{label}</p>
      <p>
        <span className="visually-hidden">{t("admin.oneTimePassword")}: </span>
        <code data-testid="one-time-password">{password}</code>
      </p>
      <p className="small">{t("admin.oneTimePasswordHelp")}</p>
    </div>
  );
}

export function UserCreateForm({ forum }: { forum: string }) {
  const t = useT();
  const m = useMutation();
  const [values, setValues] = useState({ name: "", email: "", forumRole: "MEMBER" });
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setCreated(null);
    const done = await m.run<{ user: { name: string }; oneTimePassword: string }>({
      url: api.users(forum), method: "POST", body: values, schema: userCreateSchema,
    });
    if (done) {
      setCreated({ name: done.user.name, password: done.oneTimePassword });
      setValues({ name: "", email: "", forumRole: "MEMBER" });
    }
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="new-user">
      <h2 id="new-user">{t("admin.newUser")}</h2>
      <FormStatus error={m.error} success={null} />
      <div role="status">{created ? <OneTimePassword label={t("admin.userCreated", { name: created.name })} password={created.password} /> : null}</div>
      <TextField label={t("admin.userName")} name="name" required maxLength={LIMITS.nameMax} autoComplete="off" value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })} error={m.fieldErrors.name} />
      <TextField label={t("admin.userEmail")} name="email" type="email" required maxLength={LIMITS.emailMax} autoComplete="off" value={values.email}
        onChange={(e) => setValues({ ...values, email: e.target.value })} error={m.fieldErrors.email} />
      <SelectField label={t("admin.forumRole")} name="forumRole" value={values.forumRole} onChange={(e) => setValues({ ...values, forumRole: e.target.value })}
        options={FORUM_ROLES.map((r) => ({ value: r, label: t(`roles.forum.${r}`) }))} error={m.fieldErrors.forumRole} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("admin.createUser")}
      </button>
    </form>
  );
}

export function UserRowActions({ forum, user }: { forum: string; user: { id: string; name: string; role: string } }) {
  const t = useT();
  const m = useMutation();
  const [password, setPassword] = useState<string | null>(null);
  async function setRole(role: string) {
    await m.run({ url: api.user(forum, user.id), method: "PATCH", body: { role }, schema: forumRoleSchema, success: t("admin.roleSaved") });
  }
  async function reset() {
    const done = await m.run<{ oneTimePassword: string }>({ url: api.userPasswordReset(forum, user.id), method: "POST" });
    if (done) setPassword(done.oneTimePassword);
  }
  return (
    <div className="row-actions">
      <label className="visually-hidden" htmlFor={`forum-role-${user.id}`}>
        {t("admin.roleFor", { name: user.name })}
      </label>
      <select id={`forum-role-${user.id}`} defaultValue={user.role} onChange={(e) => setRole(e.target.value)} disabled={m.pending}>
        {FORUM_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.forum.${r}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--secondary" onClick={reset} disabled={m.pending} aria-label={t("admin.resetPasswordFor", { name: user.name })}>
        {t("admin.resetPassword")}
      </button>
      <FormStatus error={m.error} success={m.success} />
      <div role="status">{password ? <OneTimePassword label={t("admin.passwordReset", { name: user.name })} password={password} /> : null}</div>
    </div>
  );
}
