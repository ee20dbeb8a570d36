import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import type { PublicRecommendationView } from "@/lib/presenters/public-recommendation";

/**
 * One approved recommendation on a public page: when it was decided, the version and its SHA-256,
 * the frozen text (allow-listed HTML from the presenter) and the steering group's statement.
 * `level` is the heading level of its title (1 on its own page, where the page header holds it).
 */
export function ApprovedRecommendation({ view, t, level, permalink }: { view: PublicRecommendationView; t: Translate; level: 1 | 3; permalink: boolean }) {
  const titleId = `rec-${view.documentId}`;
  const Sub = level === 1 ? "h2" : "h4";
  return (
    <article className="card recommendation" aria-labelledby={level === 3 ? titleId : undefined}>
      {level === 3 ? (
        <h3 id={titleId} className="recommendation__title">
          {view.title}
        </h3>
      ) : null}
      <dl className="recommendation__meta">
        <div>
          <dt>{t("publicPage.decidedAt")}</dt>
          <dd>
            <time dateTime={view.decidedAtIso}>{view.decidedAt}</time>
          </dd>
        </div>
        <div>
          <dt>{t("publicPage.version")}</dt>
          <dd>{t("publicPage.versionNumber", { number: view.versionNumber })}</dd>
        </div>
        <div>
          <dt>{t("publicPage.group")}</dt>
          <dd>{view.groupName}</dd>
        </div>
        {view.targetAreas.length > 0 ? (
          <div>
            <dt>{t("publicPage.areas")}</dt>
            <dd>{view.targetAreas.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      {/* Our own renderer's HTML of the frozen version, allow-listed again by the presenter. */}
      <div className="approved-text" dangerouslySetInnerHTML={{ __html: view.html }} />
      {view.statement ? (
        <div className="recommendation__statement">
          <Sub>{t("publicPage.statement")}</Sub>
          <p>{view.statement}</p>
        </div>
      ) : null}
      <p className="recommendation__hash small">
        <span className="recommendation__hash-label">{t("publicPage.sha256")}:</span> <code className="hash">{view.sha256}</code>
        <br />
        <span className="muted">{t("publicPage.sha256Help")}</span>
      </p>
      {permalink ? (
        <p className="recommendation__link">
          <Link href={view.href}>{t("publicPage.permalink", { title: view.title })}</Link>
        </p>
      ) : null}
    </article>
  );
}
