import type { PublicRecommendation } from "../db/public-pages.ts";
import { sanitizeVersionHtml } from "../editor/sanitize-html.ts";
import { formatDate } from "../i18n/format.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { publicPages } from "../urls.ts";

/** What a public page shows of one approved recommendation (no ids of people, no live text). */
export interface PublicRecommendationView {
  documentId: string;
  title: string;
  groupName: string;
  targetAreas: string[];
  versionNumber: number;
  sha256: string;
  /** The frozen version's HTML, allow-listed again (safe to insert as it is). */
  html: string;
  decidedAt: string;
  decidedAtIso: string;
  statement: string;
  href: string;
}

/** The view of one approved recommendation; its headings start below the page's own (headingOffset). */
export function presentPublicRecommendation(
  rec: PublicRecommendation, forumSlug: string, t: Translate, locale: Locale, headingOffset: number,
): PublicRecommendationView {
  return {
    documentId: rec.documentId,
    title: rec.title,
    groupName: rec.groupName,
    targetAreas: rec.targetAreas.map((a) => a.name),
    versionNumber: rec.version.number,
    sha256: rec.version.sha256,
    html: sanitizeVersionHtml(rec.version.html, { headingOffset, taskLabels: { done: t("publicPage.taskDone"), open: t("publicPage.taskOpen") }, imageLabel: t("publicPage.image") }),
    decidedAt: formatDate(rec.decidedAt, locale),
    decidedAtIso: rec.decidedAt.toISOString(),
    statement: rec.outcomeStatement.trim(),
    href: publicPages.document(forumSlug, rec.documentId),
  };
}
