import type { MessageKey } from "../i18n/index.ts";

/** The blocks the "/" menu offers, in the order shown. */
export const SLASH_ITEMS = [
  { id: "heading2", label: "editor.slash.heading2", keywords: "h2 overskrift heading tittel title" },
  { id: "heading3", label: "editor.slash.heading3", keywords: "h3 underoverskrift subheading" },
  { id: "paragraph", label: "editor.slash.paragraph", keywords: "avsnitt tekst paragraph text" },
  { id: "bulletList", label: "editor.slash.bulletList", keywords: "punktliste liste bullet list ul" },
  { id: "orderedList", label: "editor.slash.orderedList", keywords: "nummerert liste numbered ordered list ol" },
  { id: "taskList", label: "editor.slash.taskList", keywords: "sjekkliste oppgaver task todo checklist" },
  { id: "blockquote", label: "editor.slash.blockquote", keywords: "sitat quote blockquote" },
  { id: "table", label: "editor.slash.table", keywords: "tabell table rutenett grid" },
  { id: "image", label: "editor.slash.image", keywords: "bilde image picture foto photo" },
  { id: "divider", label: "editor.slash.divider", keywords: "skillelinje linje divider rule hr" },
  { id: "codeBlock", label: "editor.slash.codeBlock", keywords: "kode code kodeblokk" },
] as const satisfies readonly { id: string; label: MessageKey; keywords: string }[];

export type SlashItemId = (typeof SLASH_ITEMS)[number]["id"];
export type SlashItem = (typeof SLASH_ITEMS)[number];

const fold = (s: string) => s.toLocaleLowerCase("nb").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim();

/**
 * The items matching what was typed after "/": those whose shown name starts with it first, then
 * those with a word (in the name or the keywords) starting with it. Empty query: all items.
 */
export function filterSlashItems(query: string, labelOf: (item: SlashItem) => string): SlashItem[] {
  const q = fold(query);
  if (!q) return [...SLASH_ITEMS];
  const first: SlashItem[] = [];
  const then: SlashItem[] = [];
  for (const item of SLASH_ITEMS) {
    const label = fold(labelOf(item));
    if (label.startsWith(q)) first.push(item);
    else if (`${label} ${fold(item.keywords)}`.split(/\s+/).some((w) => w.startsWith(q))) then.push(item);
  }
  return [...first, ...then];
}
