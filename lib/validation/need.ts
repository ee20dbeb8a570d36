import { z } from "zod";
import { dateOnly } from "./action.ts";
import { idSchema, longText, text, versionSchema } from "./common.ts";

export const NEED_UNITS = ["PERSONS", "APPRENTICESHIPS", "STUDY_PLACES", "FTE"] as const;
export const CONFIDENCES = ["LOW", "MEDIUM", "HIGH"] as const;
export type NeedUnit = (typeof NEED_UNITS)[number];
export type Confidence = (typeof CONFIDENCES)[number];

export const NEED_TITLE_MAX = 200;
export const NEED_FIELD_MAX = 120;
export const NEED_TEXT_MAX = 4000;
export const SOURCE_NAME_MAX = 200;
/** Largest figure accepted for demand or supply (no region has a billion of anything). */
export const FIGURE_MAX = 10_000_000;

/** A year ("2026") or a half-year ("2026-H1", "2026-H2"), 1990–2099. */
export const periodSchema = z.string().trim().toUpperCase().regex(/^(19[9]\d|20\d{2})(-H[12])?$/, { error: "validation.period" });

/** STYRK-08 occupation (4 digits), NUS education (6 digits), NACE industry ("86", "86.1", "86.101"). */
export const styrkSchema = z.string().trim().regex(/^\d{4}$/, { error: "validation.styrk" });
export const nusSchema = z.string().trim().regex(/^\d{6}$/, { error: "validation.nus" });
export const naceSchema = z.string().trim().regex(/^\d{2}(\.\d{1,3})?$/, { error: "validation.nace" });

/** A count or amount: finite, not negative, at most FIGURE_MAX, at most two decimals. */
export const figureSchema = z
  .number({ error: "validation.number" })
  .finite({ error: "validation.figure" })
  .min(0, { error: "validation.notNegative" })
  .max(FIGURE_MAX)
  .refine((n) => Math.round(n * 100) === n * 100, { error: "validation.twoDecimals" });

const sourceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, { error: "validation.url" });

/** Every field of a need a person (or an import row) gives; the one schema both paths use. */
export const needFieldsSchema = z.strictObject({
  title: text(2, NEED_TITLE_MAX),
  description: longText(NEED_TEXT_MAX).default(""),
  field: text(2, NEED_FIELD_MAX),
  styrk: styrkSchema.nullable().default(null),
  nus: nusSchema.nullable().default(null),
  nace: naceSchema.nullable().default(null),
  /** Null: the county as a whole. */
  regionId: idSchema.nullable().default(null),
  period: periodSchema,
  demand: figureSchema,
  supply: figureSchema,
  unit: z.enum(NEED_UNITS).default("PERSONS"),
  sourceName: text(0, SOURCE_NAME_MAX).default(""),
  sourceUrl: sourceUrlSchema.nullable().default(null),
  sourceDate: dateOnly.nullable().default(null),
  confidence: z.enum(CONFIDENCES).default("MEDIUM"),
  notes: longText(NEED_TEXT_MAX).default(""),
  targetAreaId: idSchema.nullable().default(null),
});

export type NeedFields = z.output<typeof needFieldsSchema>;

/** A new need, in a group the caller works in. */
export const needCreateSchema = needFieldsSchema.extend({ groupId: idSchema });

/** Changing a need: any of its fields, archiving or restoring it; with the version it was opened on. */
export const needUpdateSchema = z
  .strictObject({ ...needFieldsSchema.shape, archived: z.boolean() })
  .partial()
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

/** Linking a need to what answers it: one recommendation (document) or one action. */
export const needLinkSchema = z
  .strictObject({ documentId: idSchema.optional(), actionItemId: idSchema.optional() })
  .refine((v) => (v.documentId ? 1 : 0) + (v.actionItemId ? 1 : 0) === 1, { error: "validation.oneTarget" });

/** A region the forum keeps (a municipality, or the county). */
export const regionSchema = z.strictObject({
  name: text(2, 80),
  kind: z.enum(["COUNTY", "MUNICIPALITY"]).default("MUNICIPALITY"),
  code: z.string().trim().regex(/^\d{2,4}$/, { error: "validation.regionCode" }).nullable().default(null),
});

export type NeedCreateInput = z.output<typeof needCreateSchema>;
export type NeedUpdateInput = z.output<typeof needUpdateSchema>;

/** The register's filters and sort (query string of the page and the API). */
export const needListQuerySchema = z.strictObject({
  targetAreaId: idSchema.optional().or(z.literal("").transform(() => undefined)),
  groupId: idSchema.optional().or(z.literal("").transform(() => undefined)),
  regionId: idSchema.or(z.literal("county")).optional().or(z.literal("").transform(() => undefined)),
  period: periodSchema.optional().or(z.literal("").transform(() => undefined)),
  q: text(0, 100).optional().transform((v) => v || undefined),
  archived: z.enum(["1"]).optional().transform((v) => v === "1"),
  sort: z.enum(["gap", "title", "period", "updated"]).default("gap"),
  page: z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().int().min(1)).default(1),
});
export type NeedListQuery = z.output<typeof needListQuerySchema>;
