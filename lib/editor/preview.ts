// Previews of documents in lists; no editor code here, so pages can import it without Yjs.

/** A stored preview without a leading copy of the title (previews stored before the title left the text). */
export function withoutLeadingTitle(excerpt: string, title: string): string {
  const t = title.replace(/\s+/g, " ").trim();
  if (!t || !excerpt.startsWith(t)) return excerpt;
  const rest = excerpt.slice(t.length);
  return rest === "" || /^\s/.test(rest) ? rest.trim() : excerpt;
}
