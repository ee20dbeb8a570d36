import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../editor/extensions.ts";

/** Every block element of a document that carries a string id, in document order (pre-order). */
export function blocksWithId(doc: Y.Doc): { element: Y.XmlElement; id: string }[] {
  const out: { element: Y.XmlElement; id: string }[] = [];
  for (const node of doc.getXmlFragment(DOCUMENT_FIELD).createTreeWalker((t) => t instanceof Y.XmlElement)) {
    const element = node as Y.XmlElement;
    const id = element.getAttribute("id");
    if (typeof id === "string" && id !== "") out.push({ element, id });
  }
  return out;
}
