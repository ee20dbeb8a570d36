import { clearLoginFailures, countFailures, deleteLoginAttempt, failureTimes, recordLoginAttempt } from "../db/login-attempts.ts";
import { lockKeys } from "../db/locks.ts";
import { transaction } from "../db/transaction.ts";
import type { DbClient } from "../db/types.ts";

/**
 * Failed sign-ins allowed in the window: per account from one address (the usual lock), per
 * account from any address (higher, so one attacker cannot lock the owner out), per address.
 */
export interface LoginLimits {
  maxPerAccountAndIp: number;
  maxPerAccount: number;
  maxPerIp: number;
  windowMs: number;
}

function scopes(limits: LoginLimits, email: string, ip: string) {
  return [
    [{ email, ip }, limits.maxPerAccountAndIp],
    [{ email }, limits.maxPerAccount],
    [{ ip }, limits.maxPerIp],
  ] as const;
}

/**
 * Whether sign-in is currently blocked for this account and address, and for how long (seconds).
 * A sliding window: the block lifts when enough of the failures in it have aged out.
 */
export async function loginBlockedFor(
  db: DbClient, limits: LoginLimits, email: string, ip: string, now = new Date(),
): Promise<number | null> {
  const since = new Date(now.getTime() - limits.windowMs);
  let until = 0;
  for (const [scope, max] of scopes(limits, email, ip)) {
    const times = await failureTimes(db, scope, since);
    if (times.length >= max) {
      // The (n-max)th oldest failure is the one whose expiry brings the count below the limit.
      const decisive = times[times.length - max]!;
      until = Math.max(until, decisive.getTime() + limits.windowMs);
    }
  }
  if (until <= now.getTime()) return null;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Takes a sign-in attempt's place before its password is checked: the attempt is written first (as
 * a failure, until it succeeds) and then counted among the attempts written before it, in one
 * transaction. Parallel attempts thus each see the ones ahead of them — no check-then-insert race —
 * and at most `max` of them get their password checked. Returns null to go ahead, or the seconds
 * to wait (the attempt is then removed again: a refused attempt checked nothing).
 */
export async function reserveSignInAttempt(limits: LoginLimits, email: string, ip: string, now = new Date()): Promise<number | null> {
  return transaction(async (tx) => {
    // On PostgreSQL attempts of the same account or address wait here for each other, so each one
    // counts every attempt ahead of it (SQLite's single writer does this by itself).
    await lockKeys(tx, "signIn", [`email:${email}`, `ip:${ip}`]);
    const id = await recordLoginAttempt(tx, email, ip, false, now);
    const since = new Date(now.getTime() - limits.windowMs);
    for (const [scope, max] of scopes(limits, email, ip)) {
      if ((await countFailures(tx, scope, since, id)) > max) {
        await deleteLoginAttempt(tx, id);
        return (await loginBlockedFor(tx, limits, email, ip, now)) ?? 1;
      }
    }
    return null;
  });
}

/** A successful sign-in: this account's failures from this address are forgotten, the success recorded. */
export async function recordSignInSuccess(db: DbClient, email: string, ip: string, now = new Date()) {
  await clearLoginFailures(db, email, ip);
  await recordLoginAttempt(db, email, ip, true, now);
}

/** Records the outcome of a sign-in attempt that was not reserved first (imports, tests). */
export async function recordSignIn(db: DbClient, email: string, ip: string, success: boolean, now = new Date()) {
  if (success) await recordSignInSuccess(db, email, ip, now);
  else await recordLoginAttempt(db, email, ip, false, now);
}
