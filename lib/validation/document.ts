import { z } from "zod";
import { idSchema, text, versionSchema } from "./common.ts";

export const DOCUMENT_KINDS = ["RECOMMENDATION", "NOTE", "MINUTES"] as const;

/**
 * The kind a new document starts as, by what the group mostly writes: the steering group minutes
 * (referat) of its meetings and decisions, a project group notes, a competence group recommendations.
 */
export function defaultDocumentKind(groupKind: "STEERING" | "PROJECT" | "COMPETENCE"): (typeof DOCUMENT_KINDS)[number] {
  return groupKind === "STEERING" ? "MINUTES" : groupKind === "PROJECT" ? "NOTE" : "RECOMMENDATION";
}
export const DOCUMENT_TITLE_MAX = 200;

const targetAreaIds = z.array(idSchema).max(10).refine((ids) => new Set(ids).size === ids.length, { error: "validation.duplicates" });

export const documentCreateSchema = z.strictObject({
  title: text(2, DOCUMENT_TITLE_MAX),
  kind: z.enum(DOCUMENT_KINDS),
  targetAreaIds: targetAreaIds.default([]),
});

export const documentUpdateSchema = z
  .strictObject({
    title: text(2, DOCUMENT_TITLE_MAX),
    targetAreaIds,
    archived: z.boolean(),
  })
  .partial()
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

export type DocumentCreateInput = z.infer<typeof documentCreateSchema>;
export type DocumentUpdateInput = z.infer<typeof documentUpdateSchema>;
