import type { PublicForum, PublicRecommendation } from "../db/public-pages.ts";
import { sanitizeVersionHtml } from "../editor/sanitize-html.ts";
import type { Translate } from "../i18n/index.ts";
import { publicPages } from "../urls.ts";

// The public page's read models that are more than one query: sections by target area, and the
// Atom feed of approved versions.

export interface PublicSection<T> {
  /** The target area's id, or null for recommendations without one. */
  id: string | null;
  name: string | null;
  description: string;
  items: T[];
}

/**
 * Sections by target area, in the forum's order. A recommendation sits under its first target area
 * (and lists the others itself), so its text appears once; those without one come last.
 */
export function groupByTargetArea<T extends Pick<PublicRecommendation, "targetAreas">>(
  items: T[], areas: { id: string; name: string; description: string }[],
): PublicSection<T>[] {
  const sections: PublicSection<T>[] = areas.map((a) => ({ id: a.id, name: a.name, description: a.description, items: [] }));
  const rest: PublicSection<T> = { id: null, name: null, description: "", items: [] };
  for (const item of items) {
    const home = item.targetAreas.map((a) => sections.find((s) => s.id === a.id)).find((s) => s !== undefined);
    (home ?? rest).items.push(item);
  }
  return [...sections, rest].filter((s) => s.items.length > 0);
}

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A tag: URI (RFC 4151) on the installation's host: stable ids for the feed and its entries. */
function tagUri(appUrl: string, date: Date, specific: string): string {
  return `tag:${new URL(appUrl).hostname},${day(date)}:samrad/${specific}`;
}

/** The forum's approved versions as an Atom 1.0 feed (one entry per approved version, newest first). */
export function approvedFeedXml(forum: PublicForum, items: PublicRecommendation[], t: Translate, opts: { appUrl: string; lang: string }): string {
  const base = opts.appUrl.replace(/\/+$/, "");
  const abs = (path: string) => base + path;
  const updated = items.reduce((max, r) => (r.decidedAt > max ? r.decidedAt : max), new Date(0));
  const feedUpdated = items.length ? updated : forum.updatedAt;
  const entries = items.map((r) => {
    const content =
      sanitizeVersionHtml(r.version.html, { headingOffset: 1, taskLabels: { done: t("publicPage.taskDone"), open: t("publicPage.taskOpen") }, imageLabel: t("publicPage.image") }) +
      (r.outcomeStatement.trim() ? `<h2>${xml(t("publicPage.statement"))}</h2><p>${xml(r.outcomeStatement.trim())}</p>` : "") +
      `<p>${xml(t("publicPage.sha256"))}: <code>${xml(r.version.sha256)}</code></p>`;
    return [
      "  <entry>",
      `    <id>${xml(tagUri(base, r.version.createdAt, `version/${r.version.id}`))}</id>`,
      `    <title>${xml(t("publicPage.feedEntryTitle", { title: r.title, number: r.version.number }))}</title>`,
      `    <updated>${r.decidedAt.toISOString()}</updated>`,
      `    <published>${r.decidedAt.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xml(abs(publicPages.document(forum.slug, r.documentId)))}"/>`,
      ...r.targetAreas.map((a) => `    <category term="${xml(a.name)}"/>`),
      `    <content type="html">${xml(content)}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(opts.lang)}">`,
    `  <id>${xml(tagUri(base, forum.createdAt, `forum/${forum.id}/approved`))}</id>`,
    `  <title>${xml(t("publicPage.feedTitle", { forum: forum.name }))}</title>`,
    `  <updated>${feedUpdated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(abs(publicPages.feed(forum.slug)))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(abs(publicPages.forum(forum.slug)))}"/>`,
    `  <author><name>${xml(forum.name)}</name></author>`,
    `  <generator>Samråd</generator>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}
