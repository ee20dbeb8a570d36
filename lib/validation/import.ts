import { z } from "zod";
import { IMPORT_FIELDS } from "../imports/fields.ts";
import { idSchema, text } from "./common.ts";
import { CONFIDENCES, NEED_UNITS, periodSchema, SOURCE_NAME_MAX } from "./need.ts";

/** Longest column heading a mapping may name (a heading is a cell, so the cell limit bounds it too). */
export const IMPORT_HEADER_MAX = 1000;
export const IMPORT_MAPPING_MAX = 200;

/** Column heading → the need field it fills; each field from at most one column. */
export const importMappingSchema = z
  .record(z.string().max(IMPORT_HEADER_MAX), z.enum(IMPORT_FIELDS))
  .refine((m) => Object.keys(m).length <= IMPORT_MAPPING_MAX, { error: "validation.tooManyColumns" })
  .refine((m) => new Set(Object.values(m)).size === Object.values(m).length, { error: "validation.fieldTwice" });

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** Values for the whole file, for what it has no column for (a column's non-empty cell wins). */
export const importFixedSchema = z
  .strictObject({
    period: z.preprocess(blankToUndefined, periodSchema.optional()),
    unit: z.preprocess(blankToUndefined, z.enum(NEED_UNITS).optional()),
    /** Null or absent: none. */
    targetAreaId: z.preprocess(blankToUndefined, idSchema.nullable().optional()),
    /** Null or absent: the county as a whole. */
    regionId: z.preprocess(blankToUndefined, idSchema.nullable().optional()),
    confidence: z.preprocess(blankToUndefined, z.enum(CONFIDENCES).optional()),
  })
  .default({});

/**
 * The form fields of an import (preview and commit), beside the file: the group that will own the
 * needs, the source's name (its mapping is remembered under it, and it is part of each figure's
 * natural key), the mapping (absent: the remembered one, else a guess from the headings) and fixed values.
 */
export const importOptionsSchema = z.strictObject({
  groupId: idSchema,
  sourceName: text(2, SOURCE_NAME_MAX),
  mapping: importMappingSchema.optional(),
  fixed: importFixedSchema,
});

export type ImportOptions = z.output<typeof importOptionsSchema>;
export type ImportFixed = z.output<typeof importFixedSchema>;
