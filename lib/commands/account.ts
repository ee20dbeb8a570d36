import { hashPassword, verifyPassword } from "../auth/password.ts";
import { db } from "../db/client.ts";
import type { Actor } from "../db/groups.ts";
import { transaction } from "../db/transaction.ts";
import { changeOwnPassword, endSessions, findUserLocale, findUserPasswordHash, updateAccount } from "../db/users.ts";
import { publish } from "../events/bus.ts";
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
  const result = await transaction((tx) => changeOwnPassword(tx, actor, passwordHash));
  publish({ type: "session.revoked", userId: actor.userId });
  return result;
}

/**
 * Sign-out: ends every session of the user, here and elsewhere (next-auth's JWT cannot be revoked
 * one by one), and their open sockets. `sessionVersion` is the one the signing-out token carries.
 */
export async function signOutEverywhere(actor: Actor, sessionVersion: number) {
  const ended = await transaction((tx) => endSessions(tx, actor, sessionVersion));
  if (ended) publish({ type: "session.revoked", userId: actor.userId });
}

/** The language chosen on the sign-in page becomes the account's language (when it differs). */
export async function adoptChosenLocale(actor: Actor, locale: string) {
  await transaction(async (tx) => {
    const current = await findUserLocale(tx, actor.userId);
    if (current !== null && current !== locale) await updateAccount(tx, actor, { locale });
  });
}
