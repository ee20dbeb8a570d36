import type { StatementBlock } from "@/lib/presenters/statement";

/** A public statement: its title and its text as plain blocks (never HTML), with a closing note (when it changed, or that it is the default). */
export function StatementView({ title, blocks, note }: { title: string; blocks: StatementBlock[]; note: string }) {
  return (
    <article className="container statement" aria-labelledby="statement-title">
      <header className="page-header">
        <h1 id="statement-title">{title}</h1>
      </header>
      {blocks.map((block, i) =>
        block.kind === "heading" ? (
          <h2 key={i}>{block.text}</h2>
        ) : block.kind === "list" ? (
          <ul key={i}>{block.items.map((item, j) => <li key={j}>{item}</li>)}</ul>
        ) : (
          <p key={i}>{block.lines.map((line, j) => (j === 0 ? line : [<br key={j} />, line]))}</p>
        ),
      )}
      <p className="muted">{note}</p>
    </article>
  );
}
