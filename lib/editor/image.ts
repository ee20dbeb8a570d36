import { mergeAttributes, Node } from "@tiptap/core";

/** Longest alternative text kept (a sentence or two; longer descriptions belong in the text). */
export const IMAGE_ALT_MAX = 500;

/** What an image id looks like (a row id of DocumentImage): anything else is not rendered as an address. */
const IMAGE_ID = /^[a-z0-9]{8,40}$/i;

export function isImageId(value: unknown): value is string {
  return typeof value === "string" && IMAGE_ID.test(value);
}

export interface DocumentImageOptions {
  /** The address an image is shown from, built from its id (the browser's editor sets it; the server renders none). */
  srcFor: ((imageId: string) => string) | null;
}

export interface DocumentImageAttributes {
  imageId: string;
  /** Empty for a decorative image (explicitly marked so when inserted). */
  alt: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    documentImage: {
      /** Inserts an uploaded image (by its id) at the selection. */
      insertDocumentImage: (attrs: DocumentImageAttributes) => ReturnType;
    };
  }
}

/**
 * An image in a document: the node holds only the uploaded image's id and its alternative text, never
 * an address (Yjs updates are written by clients, so a `src` could point anywhere). The address is
 * built from the id where the image is shown; the server's renderer (exports, frozen versions,
 * public pages) writes no address at all, only the alternative text.
 */
export const DocumentImage = Node.create<DocumentImageOptions>({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { srcFor: null };
  },

  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("data-image-id"),
        renderHTML: () => ({}),
      },
      alt: {
        default: "",
        parseHTML: (element: HTMLElement) => element.querySelector("img")?.getAttribute("alt") ?? "",
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-image-id]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const id = isImageId(node.attrs.imageId) ? node.attrs.imageId : "";
    const alt = typeof node.attrs.alt === "string" ? node.attrs.alt.slice(0, IMAGE_ALT_MAX) : "";
    const src = id && this.options.srcFor ? this.options.srcFor(id) : null;
    return [
      "figure",
      mergeAttributes(HTMLAttributes, { class: "doc-image", "data-image-id": id }),
      ["img", { ...(src ? { src } : {}), alt, ...(alt ? {} : { role: "presentation" }), loading: "lazy" }],
    ];
  },

  renderText({ node }) {
    return typeof node.attrs.alt === "string" && node.attrs.alt ? node.attrs.alt : "";
  },

  addCommands() {
    return {
      insertDocumentImage:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { imageId: attrs.imageId, alt: attrs.alt.slice(0, IMAGE_ALT_MAX) } }),
    };
  },
});
