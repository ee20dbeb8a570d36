import { Mark, mergeAttributes } from "@tiptap/core";
import * as buf from "lib0/buffer";
import * as sha256 from "lib0/hash/sha256";

/** Name of the mark that anchors a comment thread to a passage. */
export const COMMENT_MARK = "comment";

/**
 * The Yjs attribute under which the mark of one thread is stored. Comment marks may overlap (two
 * threads on one sentence), and the ProseMirror binding stores overlapping marks under
 * `<name>--<8 characters of a hash of the mark's JSON>`; the server writes the same key, so the
 * binding never rewrites a mark it added.
 */
export function commentAttributeName(threadId: string): string {
  const digest = sha256.digest(buf.encodeAny({ type: COMMENT_MARK, attrs: { threadId } }));
  const N = 6;
  for (let i = N; i < digest.length; i++) digest[i % N] = digest[i % N]! ^ digest[i]!;
  return `${COMMENT_MARK}--${buf.toBase64(digest.slice(0, N))}`;
}

/** Whether a Yjs formatting attribute is a comment mark (exclusive or overlapping form). */
export function isCommentAttribute(name: string): boolean {
  return name === COMMENT_MARK || name.startsWith(`${COMMENT_MARK}--`);
}

/**
 * The comment mark: it carries only its thread's id (who wrote what lives in the database). Not
 * inclusive, so typing at its edge does not grow it; it does not exclude itself, so threads overlap.
 * It is added by the server only (a validated request); the editor merely shows it.
 */
export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  inclusive: false,
  excludes: "",
  addAttributes() {
    return {
      threadId: {
        default: null,
        renderHTML: (attrs: { threadId?: unknown }) => (typeof attrs.threadId === "string" ? { "data-thread-id": attrs.threadId } : {}),
      },
    };
  },
  // Never read from HTML: pasting a commented passage (from here or elsewhere) brings its words,
  // not the thread, and only the server adds a mark.
  parseHTML() {
    return [];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "comment-mark" }, HTMLAttributes), 0];
  },
});
