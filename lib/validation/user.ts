import { z } from "zod";
import { emailSchema, LIMITS, localeSchema, text } from "./common.ts";

export const FORUM_ROLES = ["ADMIN", "PROJECT_LEADER", "MEMBER"] as const;

export const userCreateSchema = z.strictObject({
  name: text(LIMITS.nameMin, LIMITS.nameMax),
  email: emailSchema,
  forumRole: z.enum(FORUM_ROLES).default("MEMBER"),
});

export const forumRoleSchema = z.strictObject({ role: z.enum(FORUM_ROLES) });

/** Erasure of a person (GDPR art. 17): the body says the administrator confirmed it. */
export const erasureSchema = z.strictObject({ confirm: z.literal(true) });

export const accountUpdateSchema = z
  .object({
    name: text(LIMITS.nameMin, LIMITS.nameMax),
    locale: localeSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: "validation.nothingToChange" });

export const localeChoiceSchema = z.strictObject({ locale: localeSchema });

export type UserCreateInput = z.infer<typeof userCreateSchema>;
export type AccountUpdateInput = z.infer<typeof accountUpdateSchema>;
