// A document built from the real editing trace bench/traces/automerge-paper.json.gz (Martin Kleppmann,
// automerge-perf, from the josephg/editing-traces collection; CC BY 4.0): every keystroke is applied,
// in order and as its own Yjs transaction, to the Y.XmlFragment the editor binds (paragraphs with a
// block id, as the editor writes them). A newline splits the paragraph at the cursor; deleting one joins
// the next paragraph onto it — what the editor does on Enter and Backspace. The result is a realistic
// Yjs history (tombstones, split items), not one insert of the final text.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../lib/editor/extensions.ts";

export const TRACE_FILE = path.resolve("bench/traces/automerge-paper.json.gz");

interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: [number, number, string][] }[];
}

interface Para {
  el: Y.XmlElement;
  text: Y.XmlText;
  len: number;
}

/**
 * Replays the first `limit` transactions of the trace (all by default) into a new Y.Doc. Returns the
 * document's state as one update, the number of paragraphs and whether the text equals the trace's
 * `endContent` (only checked for the whole trace).
 */
export function buildTraceDoc(limit = Infinity): { update: Uint8Array; paragraphs: number; edits: number; exact: boolean | null; text: string } {
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString("utf8")) as Trace;
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const paras: Para[] = [];
  const newPara = (at: number, content: string) => {
    const el = new Y.XmlElement("paragraph");
    el.setAttribute("id", randomUUID());
    const text = new Y.XmlText();
    el.insert(0, [text]);
    fragment.insert(at, [el]);
    if (content) text.insert(0, content);
    const p = { el, text, len: content.length };
    paras.splice(at, 0, p);
    return p;
  };
  doc.transact(() => {
    const lines = trace.startContent.split("\n");
    lines.forEach((line, i) => newPara(i, line));
  });
  // The paragraph holding flat position `pos` (paragraphs joined by "\n") and the offset in it. Edits
  // are local, so the search starts from the last paragraph found.
  let hint = 0;
  let hintStart = 0;
  const locate = (pos: number): [number, number] => {
    let i = Math.min(hint, paras.length - 1);
    let start = i === hint ? hintStart : 0;
    if (i !== hint) i = 0;
    while (pos < start) {
      i -= 1;
      start -= paras[i]!.len + 1;
    }
    while (pos > start + paras[i]!.len) {
      start += paras[i]!.len + 1;
      i += 1;
    }
    hint = i;
    hintStart = start;
    return [i, pos - start];
  };
  let edits = 0;
  const limitTxns = Math.min(limit, trace.txns.length);
  for (let t = 0; t < limitTxns; t++) {
    for (const [pos, del, ins] of trace.txns[t]!.patches) {
      doc.transact(() => {
        let left = del;
        while (left > 0) {
          const [i, o] = locate(pos);
          const p = paras[i]!;
          if (o < p.len) {
            const k = Math.min(left, p.len - o);
            p.text.delete(o, k);
            p.len -= k;
            left -= k;
          } else {
            // The newline after this paragraph: the next one joins it.
            const next = paras[i + 1]!;
            const moved = next.text.toString();
            fragment.delete(i + 1, 1);
            paras.splice(i + 1, 1);
            if (moved) p.text.insert(p.len, moved);
            p.len += moved.length;
            left -= 1;
          }
        }
        let at = pos;
        for (const [n, chunk] of ins.split("\n").entries()) {
          if (n > 0) {
            // A newline: the paragraph splits at the cursor.
            const [i, o] = locate(at);
            const p = paras[i]!;
            const tail = p.text.toString().slice(o);
            if (tail) p.text.delete(o, tail.length);
            p.len = o;
            newPara(i + 1, tail);
            at += 1;
          }
          if (chunk) {
            const [i, o] = locate(at);
            const p = paras[i]!;
            p.text.insert(o, chunk);
            p.len += chunk.length;
            at += chunk.length;
          }
        }
      });
      edits += 1;
    }
  }
  const text = paras.map((p) => p.text.toString()).join("\n");
  const exact = limitTxns === trace.txns.length ? text === trace.endContent : null;
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { update, paragraphs: paras.length, edits, exact, text };
}
