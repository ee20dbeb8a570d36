import { getSchema, type JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FIELD, documentExtensions } from "./extensions.ts";

// Server-side rendering of live documents with the same extension list the editor uses.

const extensions = documentExtensions();
const schema = getSchema(extensions);

/** The document's rich text as ProseMirror JSON. */
export function ydocToJSON(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FIELD)) as JSONContent;
}

/** Plain text, blocks separated by blank lines (search, previews). */
export function ydocToText(doc: Y.Doc): string {
  const json = ydocToJSON(doc);
  if (!json.content?.length) return "";
  const node = schema.nodeFromJSON(json);
  return node.textBetween(0, node.content.size, "\n\n", " ").trim();
}

/** HTML (export, frozen versions). Loaded on demand: it needs a DOM implementation (happy-dom). */
export async function ydocToHTML(doc: Y.Doc): Promise<string> {
  const json = ydocToJSON(doc);
  if (!json.content?.length) return "";
  const { generateHTML } = await import("@tiptap/html/server");
  return generateHTML(json, extensions);
}

/** A short preview for lists. */
export function excerptOf(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The text a preview is made from. The title lives in the document's metadata (the page's heading);
 * documents made before that started with a level-1 heading copying the title (perhaps an older
 * one), which a preview skips. The editor makes no level-1 headings any more (levels 2–4).
 */
export function ydocToPreviewText(doc: Y.Doc): string {
  const json = ydocToJSON(doc);
  const first = json.content?.[0];
  if (first?.type === "heading" && first.attrs?.level === 1) json.content = json.content!.slice(1);
  if (!json.content?.length) return "";
  const node = schema.nodeFromJSON(json);
  return node.textBetween(0, node.content.size, "\n\n", " ").trim();
}

/** A Yjs update holding the given ProseMirror JSON (demo content, imports). */
export function jsonToYUpdate(json: JSONContent): Uint8Array {
  const doc = prosemirrorJSONToYDoc(schema, json, DOCUMENT_FIELD);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
