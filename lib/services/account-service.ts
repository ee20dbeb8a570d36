import { hashPassword, verifyPassword } from "../auth/password.ts";
import { db } from "../db/client.ts";
import type { Actor } from "../db/groups.ts";
import { changeOwnPassword, findUserPasswordHash, updateAccount } from "../db/users.ts";
import type { AccountUpdateInput, } from "../validation/user.ts";
import type { ChangePasswordInput } from "../validation/auth.ts";
import { AppError } from "./errors.ts";

export async function updateOwnAccount(actor: Actor, input: AccountUpdateInput) {
  return updateAccount(db(), actor, input);
}

/** Changes the caller's password after checking the current one; returns the new session version. */
export async function changePassword(actor: Actor, input: ChangePasswordInput) {
  const row = await findUserPasswordHash(db(), actor.userId);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError("forbidden", "errors.wrongCurrentPassword");
  }
  return changeOwnPassword(db(), actor, await hashPassword(input.newPassword));
}
