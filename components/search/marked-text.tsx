import { Fragment } from "react";
import { splitMarked } from "@/lib/search/highlight";

/** A title or snippet from the search index: its matched words in <mark>, everything else as text (never HTML). */
export function MarkedText({ text }: { text: string }) {
  return (
    <>
      {splitMarked(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}
