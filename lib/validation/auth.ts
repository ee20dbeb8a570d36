import { z } from "zod";
import { emailSchema, LIMITS } from "./common.ts";

export const signInSchema = z.strictObject({
  email: emailSchema,
  // No length rules at sign-in beyond a sane cap: old passwords must keep working.
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const newPasswordSchema = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(LIMITS.passwordMax),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "validation.passwordsDiffer",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    error: "validation.passwordUnchanged",
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
