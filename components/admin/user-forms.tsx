"use client";

import { useState } from "react";
import { FORUM_ROLES, forumRoleSchema, userCreateSchema } from "@/lib/validation/user";
import { LIMITS } from "@/lib/validation/common";
import { useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { ModalDialog } from "../ui/modal-dialog";
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

/** `canErase`: the erase button shows (not on the administrator's own row: nobody erases themselves here). */
export function UserRowActions({ forum, user, canErase = true }: { forum: string; user: { id: string; name: string; role: string }; canErase?: boolean }) {
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
      {canErase ? <EraseUser forum={forum} user={user} /> : null}
      <FormStatus error={m.error} success={m.success} />
      <div role="status">{password ? <OneTimePassword label={t("admin.passwordReset", { name: user.name })} password={password} /> : null}</div>
    </div>
  );
}

/** "Slett personopplysninger": a confirm dialog that names what happens, then the erasure (GDPR art. 17). */
function EraseUser({ forum, user }: { forum: string; user: { id: string; name: string } }) {
  const t = useT();
  const m = useMutation();
  const [open, setOpen] = useState(false);
  const id = `erase-${user.id}`;
  async function erase() {
    const done = await m.run<{ pseudonym: string }>({ url: api.userErasure(forum, user.id), method: "POST", body: { confirm: true }, success: (d) => t("admin.erased", { name: user.name, pseudonym: d.pseudonym }) });
    if (done) setOpen(false);
  }
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)} aria-label={t("admin.eraseFor", { name: user.name })}>
        {t("admin.erase")}
      </button>
      <div role="status">{m.success ? <p className="notice notice--success">{m.success}</p> : null}</div>
      {open ? (
        <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-body`} onClose={() => setOpen(false)}>
          <div className="stack">
            <h2 id={`${id}-title`} className="h3-like">{t("admin.eraseTitle", { name: user.name })}</h2>
            <div id={`${id}-body`}>
              <p>{t("admin.eraseBody")}</p>
              <ul>
                <li>{t("admin.eraseRemoved")}</li>
                <li>{t("admin.eraseKept")}</li>
                <li>{t("admin.eraseFinal")}</li>
              </ul>
            </div>
            <FormStatus error={m.error} success={null} />
            <div className="button-row">
              <button type="button" className="button button--danger" onClick={() => void erase()} disabled={m.pending}>
                {t("admin.eraseConfirm")}
              </button>
              <button type="button" className="button button--secondary" data-autofocus onClick={() => setOpen(false)}>
                {t("common.cancel")}
              </button>
            </div>
          </div>
        </ModalDialog>
      ) : null}
    </>
  );
}
