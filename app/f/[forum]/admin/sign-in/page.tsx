import type { Metadata } from "next";
import { adminPageTitle, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { loadForumSettings } from "@/lib/db/approvals";
import { db } from "@/lib/db/client";
import { listForumProviderSecrets, listInvitations } from "@/lib/db/identity-providers";
import { env } from "@/lib/env";
import { openClientSecret } from "@/lib/oidc/secret";
import { pages } from "@/lib/urls";
import { Invitations, PasswordSignInForm, ProviderCreateForm, ProviderEditForm } from "@/components/admin/sign-in-forms";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "identity.title");
}

/** The forum's sign-in: password switch, identity providers (OpenID Connect) and invitations. */
export default async function SignInAdminPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminSignIn(forum));
  const t = await getT();
  const [settings, providers, invitations] = await Promise.all([
    loadForumSettings(db(), access.forum.id),
    listForumProviderSecrets(db(), access.forum.id),
    listInvitations(db(), access.forum.id),
  ]);
  const appUrl = env().APP_URL;
  const slug = access.forum.slug;
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t("identity.title")}</h2>
        <p className="muted">{t("identity.intro")}</p>
      </section>
      <PasswordSignInForm forum={slug} passwordSignIn={settings.passwordSignIn} version={settings.version} />
      <section className="stack" aria-labelledby="providers-title">
        <h2 id="providers-title">{t("identity.providers")}</h2>
        {providers.length === 0 ? <p className="muted">{t("identity.none")}</p> : null}
        {providers.map(({ clientSecret, ...p }) => (
          <ProviderEditForm key={`${p.id}-${p.version}`} forum={slug} appUrl={appUrl} provider={{ ...p, secretReadable: openClientSecret(clientSecret) !== null }} />
        ))}
        <ProviderCreateForm forum={slug} appUrl={appUrl} />
      </section>
      <Invitations forum={slug} invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, createdAt: i.createdAt.toISOString(), invitedBy: i.invitedBy?.name ?? null }))} />
    </div>
  );
}
