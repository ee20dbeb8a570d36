import { createHash } from "node:crypto";
import * as Y from "yjs";
import { ydocToHTML, ydocToText } from "./render.ts";

export interface FrozenState {
  state: Uint8Array;
  sha256: string;
  html: string;
  text: string;
}

/** SHA-256 (hex) of a version's stored state: what is shown beside a version and printed in its decision record. */
export function stateHash(state: Uint8Array): string {
  return createHash("sha256").update(state).digest("hex");
}

/** Freezes a Yjs state: the bytes as stored, their hash, and the rendered HTML and plain text. */
export async function freezeYState(state: Uint8Array): Promise<FrozenState> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return { state, sha256: stateHash(state), html: await ydocToHTML(doc), text: ydocToText(doc) };
  } finally {
    doc.destroy();
  }
}
