// Snippets come out of the index with the matched words between two control characters. They are
// split here into plain text and marked parts, which React renders as text and <mark>: no HTML is
// ever made from stored text. Shared by the server (API) and the browser (rendering).

/** Start of a matched word in a snippet (STX: never part of stored or typed text, see `stripMarkers`). */
export const MARK_START = "\u0002";
/** End of a matched word (ETX). */
export const MARK_END = "\u0003";

export interface MarkedPart {
  text: string;
  marked: boolean;
}

/** Removes the marker characters (and the other C0 controls but tab and newline) from text before it is indexed. */
export function stripMarkers(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, " ");
}

/** Splits a marked snippet into parts; unbalanced markers are dropped, never shown. */
export function splitMarked(snippet: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let marked = false;
  let text = "";
  const push = () => {
    if (text) {
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
    text = "";
  };
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      push();
      marked = ch === MARK_START;
    } else {
      text += ch;
    }
  }
  push();
  return parts;
}

/** The text of a marked snippet without its markers. */
export function plainText(snippet: string): string {
  return snippet.replaceAll(MARK_START, "").replaceAll(MARK_END, "");
}
