import { z } from "zod";
import { LIMITS, text, versionSchema } from "./common.ts";

export const targetAreaCreateSchema = z.strictObject({
  name: text(LIMITS.nameMin, LIMITS.nameMax),
  description: z.string().trim().max(LIMITS.descriptionMax).default(""),
  period: z.string().trim().max(LIMITS.periodMax).default(""),
});

export const targetAreaUpdateSchema = z
  .object({
    name: text(LIMITS.nameMin, LIMITS.nameMax),
    description: z.string().trim().max(LIMITS.descriptionMax),
    period: z.string().trim().max(LIMITS.periodMax),
    archived: z.boolean(),
  })
  .partial()
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

export type TargetAreaCreateInput = z.infer<typeof targetAreaCreateSchema>;
export type TargetAreaUpdateInput = z.infer<typeof targetAreaUpdateSchema>;
