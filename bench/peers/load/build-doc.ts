// Builds a document from N single-character edits (inserts at random places, some deletions) and
// writes its Yjs state to a file: the input of the cold-open scenario.
import { writeFileSync } from "node:fs";
import * as Y from "yjs";

const [file, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 100_000);
const doc = new Y.Doc();
const text = doc.getText("t");
let seed = 7;
const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
for (let i = 0; i < count; i++) {
  if (text.length > 10 && rnd(10) === 0) text.delete(rnd(text.length), 1);
  else text.insert(rnd(text.length + 1), "abcdefghijklmnopqrstuvwxyzæøå "[rnd(30)]!);
}
writeFileSync(file!, Y.encodeStateAsUpdate(doc));
process.stdout.write(`BUILT ${JSON.stringify({ edits: count, textLength: text.length })}\n`);
