import type { Metadata } from "next";
import { adminPageTitle, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { loadStatement } from "@/lib/services/site-texts";
import { pages } from "@/lib/urls";
import { SITE_TEXT_KEYS } from "@/lib/validation/site-text";
import { StatementForm } from "@/components/admin/statement-form";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "statements.adminTitle");
}

/** The installation's privacy and accessibility statements, edited by any forum's administrators. */
export default async function StatementsAdminPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminStatements(forum));
  const t = await getT();
  const statements = await Promise.all(SITE_TEXT_KEYS.map(async (key) => ({ key, ...(await loadStatement(key, t)) })));
  return (
    <div className="stack">
      <h2>{t("statements.adminTitle")}</h2>
      <p className="muted">{t("statements.adminIntro")}</p>
      {statements.map((s) => (
        <StatementForm key={s.key} forum={access.forum.slug} which={s.key} body={s.body} version={s.version}
          pageHref={s.key === "privacy" ? pages.privacy() : pages.accessibility()} />
      ))}
    </div>
  );
}
