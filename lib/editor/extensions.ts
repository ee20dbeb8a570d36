import type { Extensions } from "@tiptap/core";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import { UniqueID } from "@tiptap/extension-unique-id";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";
import type { Transaction } from "@tiptap/pm/state";

/** Name of the Y.XmlFragment that holds a document's rich text. */
export const DOCUMENT_FIELD = "default";

/** Block nodes that carry a stable id (data-id), used to anchor actions and comments to the text. */
export const BLOCK_ID_TYPES = ["paragraph", "heading", "bulletList", "orderedList", "listItem", "taskList", "taskItem", "blockquote", "codeBlock", "table"];

const SAFE_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Links may only point to http, https or mailto addresses. */
export function isSafeLinkUrl(url: string): boolean {
  try {
    return SAFE_LINK_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * The one extension list for documents, shared by the browser editor and the server (rendering to
 * HTML and text). The browser adds Collaboration and carets on top; nothing here touches the DOM.
 */
export function documentExtensions(opts: { placeholder?: string; filterTransaction?: (tr: Transaction) => boolean } = {}): Extensions {
  return [
    StarterKit.configure({
      // Undo and redo come from the Yjs undo manager when collaborating.
      undoRedo: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: [],
        isAllowedUri: (url) => isSafeLinkUrl(url),
        shouldAutoLink: (url) => isSafeLinkUrl(url.includes(":") ? url : `https://${url}`),
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder: opts.placeholder ?? "" }),
    UniqueID.configure({ types: BLOCK_ID_TYPES, attributeName: "id", filterTransaction: opts.filterTransaction ?? null }),
  ];
}
