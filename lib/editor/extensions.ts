import type { Extensions } from "@tiptap/core";
import { Link } from "@tiptap/extension-link";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import { UniqueID } from "@tiptap/extension-unique-id";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";
import type { Transaction } from "@tiptap/pm/state";
import { CommentMark } from "./comment-mark.ts";
import { DocumentImage } from "./image.ts";

/** Name of the Y.XmlFragment that holds a document's rich text. */
export const DOCUMENT_FIELD = "default";

/** Block nodes that carry a stable id (data-id), used to anchor actions and comments to the text. */
export const BLOCK_ID_TYPES = ["paragraph", "heading", "bulletList", "orderedList", "listItem", "taskList", "taskItem", "blockquote", "codeBlock", "table"];

/** Heading levels in a document's text (the page's title is the one level-1 heading). */
export const HEADING_LEVELS: (2 | 3 | 4)[] = [2, 3, 4];

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
 * The only attributes a rendered link has (editor, server renderer and version sanitizer agree):
 * a safe href or an empty one; http(s) links open in a new tab without `window.opener`.
 */
export function safeLinkAttributes(href: unknown): Record<string, string> {
  const safe = typeof href === "string" && isSafeLinkUrl(href) ? href : "";
  return /^https?:/i.test(safe) ? { href: safe, target: "_blank", rel: "noopener noreferrer" } : { href: safe };
}

/**
 * Links take only `href` from a document (Yjs updates are written by clients, so any attribute
 * could arrive): `target`, `rel`, `class` and `title` are not attributes of the mark, so ProseMirror
 * drops them when it reads the document, and the rendered `<a>` gets fixed ones.
 */
const SafeLink = Link.extend({
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute("href") },
    };
  },
  renderHTML({ HTMLAttributes }) {
    return ["a", safeLinkAttributes(HTMLAttributes.href), 0];
  },
});

/**
 * The one extension list for documents, shared by the browser editor and the server (rendering to
 * HTML and text). The browser adds Collaboration and carets on top; nothing here touches the DOM.
 */
export function documentExtensions(
  opts: { placeholder?: string; filterTransaction?: (tr: Transaction) => boolean; imageSrc?: (imageId: string) => string } = {},
): Extensions {
  return [
    StarterKit.configure({
      // Undo and redo come from the Yjs undo manager when collaborating.
      undoRedo: false,
      link: false,
      // The title is the page's level-1 heading; the text's headings start below it. (A level-1
      // heading from before is shown as level 2.)
      heading: { levels: HEADING_LEVELS },
    }),
    SafeLink.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: [],
      isAllowedUri: (url) => isSafeLinkUrl(url),
      shouldAutoLink: (url) => isSafeLinkUrl(url.includes(":") ? url : `https://${url}`),
    }),
    CommentMark,
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    DocumentImage.configure({ srcFor: opts.imageSrc ?? null }),
    Placeholder.configure({ placeholder: opts.placeholder ?? "" }),
    UniqueID.configure({ types: BLOCK_ID_TYPES, attributeName: "id", filterTransaction: opts.filterTransaction ?? null }),
  ];
}
