// A comment is plain text. Links and @mentions are found in it when it is shown; nothing in it is
// ever read as HTML (the browser renders the segments as text nodes and <a> elements).

export interface Member {
  id: string;
  name: string;
}

export type Segment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string } | { kind: "mention"; text: string; userId: string };

const LETTER = /[\p{L}\p{N}_]/u;
const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("nb");

/**
 * The members named with "@Name" in `body`: an @ at the start or after a non-letter, followed by a
 * member's full name (any case) and then not by another letter. Longer names win ("@Ole Hansen"
 * over "@Ole"). Returns matches in order, each member once per position.
 */
function mentionMatches(body: string, members: readonly Member[]): { start: number; end: number; member: Member }[] {
  const sorted = [...members].filter((m) => m.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const folded = fold(body);
  const out: { start: number; end: number; member: Member }[] = [];
  for (let i = folded.indexOf("@"); i >= 0; i = folded.indexOf("@", i + 1)) {
    if (i > 0 && LETTER.test(body[i - 1]!)) continue;
    const hit = sorted.find((m) => {
      const name = fold(m.name);
      return folded.startsWith(name, i + 1) && !LETTER.test(body[i + 1 + name.length] ?? "");
    });
    if (hit) {
      out.push({ start: i, end: i + 1 + hit.name.length, member: hit });
      i += hit.name.length;
    }
  }
  return out;
}

/** Ids of the members a comment mentions (each once). */
export function findMentions(body: string, members: readonly Member[]): string[] {
  return [...new Set(mentionMatches(body, members).map((m) => m.member.id))];
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/giu;
/** Punctuation that ends a sentence rather than a link. */
const TRAILING = /[.,;:!?)\]}»”'"]+$/u;

function linkSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, "");
    const start = match.index;
    let href: string | null = null;
    try {
      const parsed = new URL(url);
      href = parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) out.push({ kind: "text", text: text.slice(last, start) });
    out.push({ kind: "link", text: url, href });
    last = start + url.length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

/** The comment as segments to render: text, http(s) links and mentions of the given members. */
export function commentSegments(body: string, mentioned: readonly Member[]): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of mentionMatches(body, mentioned)) {
    if (m.start > last) out.push(...linkSegments(body.slice(last, m.start)));
    out.push({ kind: "mention", text: body.slice(m.start, m.end), userId: m.member.id });
    last = m.end;
  }
  if (last < body.length) out.push(...linkSegments(body.slice(last)));
  return out;
}

/** The first words of a comment, for notifications and e-mail. */
export function commentPreview(body: string, max = 140): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
