import type { Metadata } from "next";
import { getT, requireUser } from "@/lib/auth/page-guards";
import { pages } from "@/lib/urls";
import { PasswordForm, ProfileForm } from "@/components/account/account-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("account.title") };
}

export default async function AccountPage() {
  const user = await requireUser("/account", { allowPendingPassword: true });
  const t = await getT();
  return (
    <div className="container">
      <header className="page-header">
        <h1>{t("account.title")}</h1>
        <p className="muted">{user.email}</p>
      </header>
      <div className="two-col">
        {user.mustChangePassword ? null : <ProfileForm name={user.name} locale={user.locale} />}
        <PasswordForm mustChange={user.mustChangePassword} email={user.email} />
      </div>
      {user.mustChangePassword ? null : (
        <section className="card stack" aria-labelledby="data-title">
          <h2 id="data-title">{t("personalData.title")}</h2>
          <p>{t("personalData.linkHint")}</p>
          <p>
            <a href={pages.accountData()}>{t("personalData.link")}</a>
          </p>
        </section>
      )}
    </div>
  );
}
