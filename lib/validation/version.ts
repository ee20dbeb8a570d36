import { z } from "zod";
import { idSchema, text } from "./common.ts";

export const VERSION_NAME_MAX = 120;

/** Saving a named version: the name a person gives it ("Til styringsgruppen 1. mars"). */
export const versionCreateSchema = z.strictObject({
  name: text(1, VERSION_NAME_MAX),
});

/** Comparing two versions of one document (query string `?from=&to=`). */
export const versionDiffQuerySchema = z.strictObject({
  from: idSchema,
  to: idSchema,
});

export type VersionCreateInput = z.infer<typeof versionCreateSchema>;
export type VersionDiffQuery = z.infer<typeof versionDiffQuerySchema>;
