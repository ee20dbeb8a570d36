import * as Y from "yjs";
import { db } from "../db/client.ts";
import type { DbClient } from "../db/types.ts";
import { loadStoredState } from "../db/versions.ts";
import { freezeYState, type FrozenState } from "../editor/freeze.ts";
import { ydocToText } from "../editor/render.ts";

export { freezeYState, stateHash, type FrozenState } from "../editor/freeze.ts";

/** The plain text of the document as it is stored now (to tell whether it moved on from a version). */
export async function storedText(documentId: string, client: DbClient = db()): Promise<string> {
  const { snapshot, updates } = await loadStoredState(client, documentId);
  const doc = new Y.Doc();
  try {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const u of updates) Y.applyUpdate(doc, u.data);
    return ydocToText(doc);
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
