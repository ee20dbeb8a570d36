import { z } from "zod";
import { idSchema, longText, text, versionSchema } from "./common.ts";

export const ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"] as const;
export const RACI_ROLES = ["R", "A", "C", "I"] as const;
export const ACTION_TITLE_MAX = 200;
export const ACTION_DESCRIPTION_MAX = 4000;
export const ANCHOR_TEXT_MAX = 2000;

/** A calendar date, YYYY-MM-DD (due dates have no time of day). */
export const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.date" })
  // Round trip: Date rolls "2026-02-31" over to 3 March; only a date that comes back unchanged exists.
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: "validation.date" });

const blockId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: "validation.id" });

export const actionCreateSchema = z.strictObject({
  title: text(2, ACTION_TITLE_MAX),
  description: longText(ACTION_DESCRIPTION_MAX).default(""),
  status: z.enum(ACTION_STATUSES).default("OPEN"),
  ownerId: idSchema.nullable().default(null),
  dueDate: dateOnly.nullable().default(null),
  targetAreaId: idSchema.nullable().default(null),
  /** `text`: the paragraph as it read when the action was made from it (keeps the anchor on it). */
  anchor: z.strictObject({ documentId: idSchema, blockId, text: z.string().max(ANCHOR_TEXT_MAX).optional() }).nullable().default(null),
});

export const actionUpdateSchema = z
  .strictObject({
    title: text(2, ACTION_TITLE_MAX),
    description: longText(ACTION_DESCRIPTION_MAX),
    status: z.enum(ACTION_STATUSES),
    ownerId: idSchema.nullable(),
    dueDate: dateOnly.nullable(),
    targetAreaId: idSchema.nullable(),
  })
  .partial()
  // The version the form (or card) was opened on: a stale one is refused with the current values.
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

const assignment = z
  .strictObject({ userId: idSchema.optional(), groupId: idSchema.optional(), role: z.enum(RACI_ROLES) })
  .refine((a) => (a.userId ? 1 : 0) + (a.groupId ? 1 : 0) === 1, { error: "validation.oneParty" });

/** The whole RACI list of an item. At most one Accountable; none is allowed but flagged on screen. */
export const raciSchema = z.strictObject({
  /** The item's version when the matrix was drawn; optional (the matrix sets the whole list). */
  version: versionSchema.optional(),
  assignments: z
    .array(assignment)
    .max(60)
    .refine((list) => list.filter((a) => a.role === "A").length <= 1, { error: "validation.oneAccountable" })
    .refine((list) => new Set(list.map((a) => a.userId ?? `g:${a.groupId}`)).size === list.length, { error: "validation.onePartyOneRole" }),
});

/** Move the Accountable (A) of an action to one person or group: the one before becomes R, in one step. */
export const accountableMoveSchema = z
  .strictObject({ version: versionSchema, userId: idSchema.optional(), groupId: idSchema.optional() })
  .refine((a) => (a.userId ? 1 : 0) + (a.groupId ? 1 : 0) === 1, { error: "validation.oneParty" });

export type ActionCreateInput = z.infer<typeof actionCreateSchema>;
export type ActionUpdateInput = z.infer<typeof actionUpdateSchema>;
export type RaciInput = z.infer<typeof raciSchema>;
export type AccountableMoveInput = z.infer<typeof accountableMoveSchema>;

/** Most items one bulk change touches (a screenful of the table, with room to spare). */
export const ACTION_BULK_MAX = 200;

/**
 * One change for several items: each item named with the version the table showed. Only one field
 * at a time (status, owner or due date), so the result is easy to state and to check per item.
 */
export const actionBulkSchema = z.strictObject({
  items: z
    .array(z.strictObject({ id: idSchema, version: versionSchema }))
    .min(1)
    .max(ACTION_BULK_MAX)
    .refine((list) => new Set(list.map((i) => i.id)).size === list.length, { error: "validation.duplicates" }),
  change: z.union([
    z.strictObject({ status: z.enum(ACTION_STATUSES) }),
    z.strictObject({ ownerId: idSchema.nullable() }),
    z.strictObject({ dueDate: dateOnly.nullable() }),
  ]),
});

export type ActionBulkInput = z.infer<typeof actionBulkSchema>;
