// What a person types into the search box, made into an FTS5 MATCH expression that can only ever
// mean "these words": every token is quoted, so FTS5's own syntax (quotes, NEAR, AND/OR/NOT, *, -,
// ^, parentheses, column filters such as title:) is never interpreted.

/** Tokens longer than this are cut (nobody types them; a huge token is only cost). */
export const MAX_TOKEN_LENGTH = 64;
/** Words beyond this many are ignored. */
export const MAX_TOKENS = 12;

/**
 * The words of a query as the index's tokenizer (unicode61) sees them: runs of letters, digits and
 * private-use characters (its default categories: a combining mark separates words), NFC-normalised
 * and lower-cased ("Østfold" and "ØSTFOLD" give "østfold"; æ, ø and å stay what they are).
 */
export function queryTokens(input: string): string[] {
  const words = input.normalize("NFC").toLocaleLowerCase("nb").match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [];
  return words.slice(0, MAX_TOKENS).map((w) => w.slice(0, MAX_TOKEN_LENGTH));
}

/**
 * The FTS5 expression for a query's words: every word must occur (implicit AND), each as a quoted
 * string. The last word also matches as a prefix (search as you type).
 */
export function ftsExpression(words: readonly string[], opts: { prefixLast?: boolean } = {}): string {
  const prefixLast = opts.prefixLast ?? true;
  return words
    .map((t, i) => {
      // A token holds only letters, digits and marks, so it has no quote; doubling is belt and braces.
      const quoted = `"${t.replaceAll('"', '""')}"`;
      return prefixLast && i === words.length - 1 ? `${quoted}*` : quoted;
    })
    .join(" ");
}

/** The FTS5 expression for a typed query; null when nothing searchable is left (only punctuation, say). */
export function toMatchExpression(input: string, opts: { prefixLast?: boolean } = {}): string | null {
  const tokens = queryTokens(input);
  return tokens.length === 0 ? null : ftsExpression(tokens, opts);
}

/**
 * The PostgreSQL tsquery text (for `to_tsquery('simple', …)`) for a query's words: each word quoted
 * as a lexeme, all of them required, the last also as a prefix (`:*`).
 */
export function tsQueryExpression(words: readonly string[]): string {
  return words.map((t, i) => `'${t.replaceAll("'", "''").replaceAll("\\", "\\\\")}'${i === words.length - 1 ? ":*" : ""}`).join(" & ");
}
