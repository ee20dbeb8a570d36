import { getLocale, getT } from "@/lib/auth/page-guards";
import { formatDateTime } from "@/lib/i18n/format";
import { statementBlocks } from "@/lib/presenters/statement";
import { loadStatement } from "@/lib/services/site-texts";
import type { SiteTextKey } from "@/lib/validation/site-text";

/** A public statement page: its title, and the stored text (or the default) as plain blocks, never HTML. */
export async function StatementPage({ which }: { which: SiteTextKey }) {
  const t = await getT();
  const locale = await getLocale();
  const statement = await loadStatement(which, t);
  return (
    <article className="container statement" aria-labelledby="statement-title">
      <h1 id="statement-title">{t(`statements.${which}`)}</h1>
      {statementBlocks(statement.body).map((block, i) =>
        block.kind === "heading" ? (
          <h2 key={i}>{block.text}</h2>
        ) : block.kind === "list" ? (
          <ul key={i}>{block.items.map((item, j) => <li key={j}>{item}</li>)}</ul>
        ) : (
          <p key={i}>{block.lines.map((line, j) => (j === 0 ? line : [<br key={j} />, line]))}</p>
        ),
      )}
      <p className="muted">
        {statement.updatedAt ? t("statements.updatedAt", { time: formatDateTime(statement.updatedAt, locale) }) : t("statements.defaultNotice")}
      </p>
    </article>
  );
}
