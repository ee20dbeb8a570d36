import { z } from "zod";

export const LIMITS = {
  nameMin: 2,
  nameMax: 120,
  groupNameMax: 80,
  mandateMax: 4000,
  descriptionMax: 2000,
  periodMax: 40,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 256,
  /** Largest JSON body a mutation accepts, in bytes. */
  bodyMax: 64 * 1024,
} as const;

/** Trimmed text with a length range. */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const idSchema = z.string().regex(/^[a-z0-9]{8,40}$/i, { error: "validation.id" });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ error: "validation.email" }));

export const localeSchema = z.enum(["nb", "en"]);

/** The version of a record an edit was made on (optimistic concurrency). */
export const versionSchema = z.number().int().min(1).max(2_147_483_647);
