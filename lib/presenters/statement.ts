/**
 * A statement's plain text as blocks: blank lines separate blocks; a block whose first line starts
 * with "## " is a heading (its further lines a paragraph after it), one whose lines all start with
 * "- " a list; anything else a paragraph (its line breaks kept). Nothing is ever HTML: the blocks
 * are text that React escapes.
 */
export type StatementBlock = { kind: "heading"; text: string } | { kind: "list"; items: string[] } | { kind: "paragraph"; lines: string[] };

export function statementBlocks(body: string): StatementBlock[] {
  const blocks: StatementBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    if (lines[0]!.startsWith("## ")) {
      blocks.push({ kind: "heading", text: lines[0]!.slice(3).trim() });
      lines.shift();
      if (lines.length === 0) continue;
    }
    if (lines.every((l) => l.startsWith("- "))) blocks.push({ kind: "list", items: lines.map((l) => l.slice(2).trim()) });
    else blocks.push({ kind: "paragraph", lines });
  }
  return blocks;
}
