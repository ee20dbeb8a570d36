import { z } from "zod";
import { idSchema, LIMITS, longText, text, versionSchema } from "./common.ts";

export const GROUP_KINDS = ["STEERING", "PROJECT", "COMPETENCE"] as const;
export const GROUP_ROLES = ["MEMBER", "LEAD"] as const;

export const groupCreateSchema = z.strictObject({
  name: text(LIMITS.nameMin, LIMITS.groupNameMax),
  kind: z.enum(GROUP_KINDS),
  mandate: longText(LIMITS.mandateMax).default(""),
});

export const groupUpdateSchema = z
  .object({
    name: text(LIMITS.nameMin, LIMITS.groupNameMax),
    mandate: longText(LIMITS.mandateMax),
  })
  .partial()
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

export const membershipAddSchema = z.strictObject({
  userId: idSchema,
  role: z.enum(GROUP_ROLES).default("MEMBER"),
});

export const membershipRoleSchema = z.strictObject({ role: z.enum(GROUP_ROLES) });

export type GroupCreateInput = z.infer<typeof groupCreateSchema>;
export type GroupUpdateInput = z.infer<typeof groupUpdateSchema>;
export type MembershipAddInput = z.infer<typeof membershipAddSchema>;
