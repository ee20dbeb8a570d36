"use client";

import { useState } from "react";
import { formatDate } from "@/lib/i18n/format";
import { api } from "@/lib/urls";
import { forumSettingsSchema } from "@/lib/validation/approval";
import { invitationCreateSchema, providerCreateSchema, providerUpdateSchema } from "@/lib/validation/identity-provider";
import { FORUM_ROLES } from "@/lib/validation/user";
import { useLocale, useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { describeStrings, useVersionedEdit } from "../ui/use-versioned-edit";

export interface ProviderView {
  id: string;
  slug: string;
  displayName: string;
  issuer: string;
  clientId: string;
  allowedDomains: string;
  enabled: boolean;
  version: number;
  secretReadable: boolean;
}

export interface InvitationView {
  id: string;
  email: string;
  role: (typeof FORUM_ROLES)[number];
  createdAt: string;
  invitedBy: string | null;
}

/** The addresses to register at the provider for one provider slug. */
function RegisterAddresses({ appUrl, slug }: { appUrl: string; slug: string }) {
  const t = useT();
  return (
    <dl className="facts small">
      <dt>{t("identity.redirectUri")}</dt>
      <dd><code>{`${appUrl}/api/auth/callback/oidc-${slug}`}</code></dd>
      <dt>{t("identity.logoutUri")}</dt>
      <dd><code>{`${appUrl}/api/oidc/${slug}/backchannel-logout`}</code></dd>
      <dt>{t("identity.postLogoutUri")}</dt>
      <dd><code>{`${appUrl}/login?signedOut=1`}</code></dd>
    </dl>
  );
}

/** The per-forum switch for e-mail and password sign-in. */
export function PasswordSignInForm({ forum, passwordSignIn, version }: { forum: string; passwordSignIn: boolean; version: number }) {
  const t = useT();
  const edit = useVersionedEdit({
    initial: { passwordSignIn }, version, url: api.forumSettings(forum), schema: forumSettingsSchema, success: t("settings.saved"),
    toBody: (v: { passwordSignIn: boolean }) => v,
    fromCurrent: (c: { passwordSignIn: boolean }) => ({ passwordSignIn: c.passwordSignIn }),
    describe: (mine, theirs) => (mine.passwordSignIn === theirs.passwordSignIn ? [] : [{ key: "passwordSignIn", label: t("settings.passwordSignIn"), mine: mine.passwordSignIn ? "✓" : "–", theirs: theirs.passwordSignIn ? "✓" : "–" }]),
  });
  const { values, setValues, mutation: m } = edit;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void edit.save(); }} noValidate className="card stack" aria-labelledby="password-title">
      <h2 id="password-title">{t("identity.password")}</h2>
      {edit.status}
      <label className="checkbox">
        <input type="checkbox" checked={values.passwordSignIn} onChange={(e) => setValues({ passwordSignIn: e.target.checked })} aria-describedby="password-hint" />
        {t("settings.passwordSignIn")}
      </label>
      <p className="field-hint" id="password-hint">{t("settings.passwordSignInHint")}</p>
      <button type="submit" className="button button--primary" disabled={m.pending}>{m.pending ? t("common.saving") : t("identity.save")}</button>
    </form>
  );
}

const emptyProvider = { displayName: "", slug: "", issuer: "", clientId: "", clientSecret: "", allowedDomains: "" };

export function ProviderCreateForm({ forum, appUrl }: { forum: string; appUrl: string }) {
  const t = useT();
  const m = useMutation();
  const [v, setV] = useState(emptyProvider);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run({ url: api.identityProviders(forum), method: "POST", body: { ...v, enabled: true }, schema: providerCreateSchema, success: t("identity.added") });
    if (done) setV(emptyProvider);
  }
  const field = (key: keyof typeof emptyProvider) => ({
    name: key, value: v[key], error: m.fieldErrors[key], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [key]: e.target.value }),
  });
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="new-provider">
      <h3 id="new-provider">{t("identity.add")}</h3>
      <FormStatus error={m.error} success={m.success} />
      <div className="inline-fields">
        <TextField label={t("identity.displayName")} hint={t("identity.displayNameHint")} required maxLength={60} {...field("displayName")} />
        <TextField label={t("identity.slug")} hint={t("identity.slugHint")} required maxLength={32} pattern="[a-z0-9-]+" {...field("slug")} />
      </div>
      <TextField label={t("identity.issuer")} hint={t("identity.issuerHint")} required type="url" {...field("issuer")} />
      <div className="inline-fields">
        <TextField label={t("identity.clientId")} required autoComplete="off" {...field("clientId")} />
        <TextField label={t("identity.clientSecret")} required type="password" autoComplete="new-password" {...field("clientSecret")} />
      </div>
      <TextField label={t("identity.domains")} hint={t("identity.domainsHint")} {...field("allowedDomains")} />
      {v.slug ? <><p className="field-hint">{t("identity.registerHint")}</p><RegisterAddresses appUrl={appUrl} slug={v.slug} /></> : null}
      <button type="submit" className="button button--primary" disabled={m.pending}>{m.pending ? t("identity.adding") : t("identity.add")}</button>
    </form>
  );
}

type ProviderValues = { displayName: string; issuer: string; clientId: string; clientSecret: string; allowedDomains: string; enabled: boolean };

export function ProviderEditForm({ forum, provider, appUrl }: { forum: string; provider: ProviderView; appUrl: string }) {
  const t = useT();
  const remove = useMutation();
  const [confirming, setConfirming] = useState(false);
  const valuesOf = (p: Omit<ProviderView, "id" | "slug" | "version" | "secretReadable">): ProviderValues => ({
    displayName: p.displayName, issuer: p.issuer, clientId: p.clientId, clientSecret: "", allowedDomains: p.allowedDomains, enabled: p.enabled,
  });
  const labels = { displayName: t("identity.displayName"), issuer: t("identity.issuer"), clientId: t("identity.clientId"), allowedDomains: t("identity.domains") };
  const edit = useVersionedEdit({
    initial: valuesOf(provider), version: provider.version, url: api.identityProvider(forum, provider.id), schema: providerUpdateSchema, success: t("identity.saved"),
    // An empty secret field keeps the stored secret.
    toBody: ({ clientSecret, ...rest }: ProviderValues) => (clientSecret ? { ...rest, clientSecret } : rest),
    fromCurrent: (c: ProviderView) => valuesOf(c),
    describe: (mine, theirs) => describeStrings<Record<keyof typeof labels, string>>(labels)(
      { displayName: mine.displayName, issuer: mine.issuer, clientId: mine.clientId, allowedDomains: mine.allowedDomains },
      { displayName: theirs.displayName, issuer: theirs.issuer, clientId: theirs.clientId, allowedDomains: theirs.allowedDomains },
    ),
  });
  const { values: v, setValues: setV, mutation: m } = edit;
  const field = (key: "displayName" | "issuer" | "clientId" | "clientSecret" | "allowedDomains") => ({
    name: key, value: v[key], error: m.fieldErrors[key], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [key]: e.target.value }),
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void edit.save(); }} noValidate className="card stack" aria-label={provider.displayName}>
      <h3>
        {provider.displayName} <span className={`badge${provider.enabled ? " badge--ok" : ""}`}>{provider.enabled ? t("identity.enabled") : t("identity.disabled")}</span>
      </h3>
      {edit.status}
      <FormStatus error={remove.error} success={remove.success} />
      {provider.secretReadable ? null : <p className="notice notice--warn">{t("identity.secretUnreadable")}</p>}
      <RegisterAddresses appUrl={appUrl} slug={provider.slug} />
      <div className="inline-fields">
        <TextField label={t("identity.displayName")} required maxLength={60} {...field("displayName")} />
        <TextField label={t("identity.issuer")} required type="url" {...field("issuer")} />
      </div>
      <div className="inline-fields">
        <TextField label={t("identity.clientId")} required autoComplete="off" {...field("clientId")} />
        <TextField label={t("identity.clientSecret")} hint={t("identity.clientSecretKeep")} type="password" autoComplete="new-password" {...field("clientSecret")} />
      </div>
      <TextField label={t("identity.domains")} hint={t("identity.domainsHint")} {...field("allowedDomains")} />
      <label className="checkbox">
        <input type="checkbox" checked={v.enabled} onChange={(e) => setV({ ...v, enabled: e.target.checked })} />
        {t("identity.enabled")}
      </label>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={m.pending}>{m.pending ? t("common.saving") : t("identity.save")}</button>
        {confirming ? null : (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>{t("identity.remove", { name: provider.displayName })}</button>
        )}
      </div>
      {confirming ? (
        <div role="group" aria-label={t("identity.remove", { name: provider.displayName })} className="stack-tight">
          <p>{t("identity.removeConfirm", { name: provider.displayName })}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={remove.pending} autoFocus
              onClick={() => void remove.run({ url: api.identityProvider(forum, provider.id), method: "DELETE", success: t("identity.removed") }).then(() => setConfirming(false))}>
              {t("identity.remove", { name: provider.displayName })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>{t("common.cancel")}</button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

export function Invitations({ forum, invitations }: { forum: string; invitations: InvitationView[] }) {
  const t = useT();
  const locale = useLocale();
  const m = useMutation();
  const withdraw = useMutation();
  const [v, setV] = useState({ email: "", role: "MEMBER" as InvitationView["role"] });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run({ url: api.invitations(forum), method: "POST", body: v, schema: invitationCreateSchema, success: t("identity.invited", { email: v.email }) });
    if (done) setV({ email: "", role: v.role });
  }
  return (
    <section className="card stack" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("identity.invitations")}</h2>
      <p className="muted">{t("identity.invitationsIntro")}</p>
      <form onSubmit={submit} noValidate className="stack">
        <FormStatus error={m.error} success={m.success} />
        <div className="inline-fields">
          <TextField label={t("identity.email")} name="email" type="email" required autoComplete="off" value={v.email}
            onChange={(e) => setV({ ...v, email: e.target.value })} error={m.fieldErrors.email} />
          <SelectField label={t("identity.role")} name="role" value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as InvitationView["role"] })}
            options={FORUM_ROLES.map((r) => ({ value: r, label: t(`roles.forum.${r}`) }))} error={m.fieldErrors.role} />
        </div>
        <button type="submit" className="button button--primary" disabled={m.pending}>{m.pending ? t("identity.inviting") : t("identity.invite")}</button>
      </form>
      <FormStatus error={withdraw.error} success={withdraw.success} />
      {invitations.length === 0 ? <p className="muted">{t("identity.noInvitations")}</p> : (
        <ul className="plain-list stack-tight">
          {invitations.map((i) => (
            <li key={i.id} className="row-between">
              <span>
                <strong>{i.email}</strong> · {t(`roles.forum.${i.role}`)}
                <span className="block small muted">{t("identity.invitedBy", { date: formatDate(new Date(i.createdAt), locale), name: i.invitedBy ?? "–" })}</span>
              </span>
              <button type="button" className="button button--secondary button--small" disabled={withdraw.pending}
                onClick={() => void withdraw.run({ url: api.invitation(forum, i.id), method: "DELETE", success: t("identity.withdrawn") })}>
                {t("identity.withdraw", { email: i.email })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
