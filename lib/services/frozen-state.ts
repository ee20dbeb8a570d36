import { createHash } from "node:crypto";
import * as Y from "yjs";
import { db } from "../db/client.ts";
import { loadStoredState } from "../db/versions.ts";
import { ydocToHTML, ydocToText } from "../editor/render.ts";

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

/** The document as it is durably stored right now (snapshot + log) as one Yjs state. */
export async function storedState(documentId: string): Promise<Uint8Array> {
  const { snapshot, updates } = await loadStoredState(db(), documentId);
  const doc = new Y.Doc();
  try {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const u of updates) Y.applyUpdate(doc, u.data);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The document as it is durably stored right now (snapshot + log; everything the editors were told
 * is saved), frozen. Editors keep writing; what they write after this is not in it.
 */
export async function freezeStoredDocument(documentId: string): Promise<FrozenState> {
  return freezeYState(await storedState(documentId));
}
