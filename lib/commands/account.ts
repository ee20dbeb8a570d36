import { hashPassword, verifyPassword } from "../auth/password.ts";
import { db } from "../db/client.ts";
import type { Actor } from "../db/groups.ts";
import { transaction } from "../db/transaction.ts";
import { changeOwnPassword, findUserPasswordHash, updateAccount } from "../db/users.ts";
import { AppError } from "../services/errors.ts";
import type { ChangePasswordInput } from "../validation/auth.ts";
import type { AccountUpdateInput } from "../validation/user.ts";

// The caller's own account: no forum, no policy beyond "it is yours".

export function updateOwnAccount(actor: Actor, input: AccountUpdateInput) {
  return transaction((tx) => updateAccount(tx, actor, input));
}

/** Changes the caller's password after checking the current one; returns the new session version. */
export async function changePassword(actor: Actor, input: ChangePasswordInput) {
  const row = await findUserPasswordHash(db(), actor.userId);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) throw new AppError("forbidden", "errors.wrongCurrentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return transaction((tx) => changeOwnPassword(tx, actor, passwordHash));
}
