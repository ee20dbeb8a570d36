import { z } from "zod";
import { text } from "./common.ts";

export const COMMENT_MAX = 4000;

/** A comment: plain text over one or more lines. */
export const commentBodySchema = text(1, COMMENT_MAX, { multiline: true });

/**
 * One end of a selection: a Yjs relative position (`Y.encodeRelativePosition`) in base64. Small by
 * nature (a type or item id and an offset); anything that does not decode is refused later as a
 * position the document does not know.
 */
const relativePositionSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: "validation.position" })
  .transform((v) => new Uint8Array(Buffer.from(v, "base64")));

/** A new thread on a passage of a document: the selection and the first comment. */
export const documentThreadSchema = z.strictObject({
  from: relativePositionSchema,
  to: relativePositionSchema,
  body: commentBodySchema,
});

/** A new thread on an action item. */
export const actionThreadSchema = z.strictObject({ body: commentBodySchema });

/** A reply, or the new text of an edited comment. */
export const commentSchema = z.strictObject({ body: commentBodySchema });

/** Resolve (true) or reopen (false) a thread. */
export const threadStateSchema = z.strictObject({ resolved: z.boolean() });

export type DocumentThreadInput = z.infer<typeof documentThreadSchema>;
