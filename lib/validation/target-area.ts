import { z } from "zod";
import { LIMITS, longText, text, versionSchema } from "./common.ts";

export const targetAreaCreateSchema = z.strictObject({
  name: text(LIMITS.nameMin, LIMITS.nameMax),
  description: longText(LIMITS.descriptionMax).default(""),
  period: text(0, LIMITS.periodMax).default(""),
});

export const targetAreaUpdateSchema = z
  .object({
    name: text(LIMITS.nameMin, LIMITS.nameMax),
    description: longText(LIMITS.descriptionMax),
    period: text(0, LIMITS.periodMax),
    archived: z.boolean(),
  })
  .partial()
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

export type TargetAreaCreateInput = z.infer<typeof targetAreaCreateSchema>;
export type TargetAreaUpdateInput = z.infer<typeof targetAreaUpdateSchema>;
