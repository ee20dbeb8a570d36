import type { DbClient } from "../db/types.ts";
import { clearLoginFailures, failureTimes, recordLoginAttempt } from "../db/login-attempts.ts";

export interface LoginLimits {
  maxPerAccount: number;
  maxPerIp: number;
  windowMs: number;
}

/**
 * Whether sign-in is currently blocked for this account or address, and for how long.
 * A sliding window: the block lifts when enough of the failures in it have aged out.
 */
export async function loginBlockedFor(
  db: DbClient, limits: LoginLimits, email: string, ip: string, now = new Date(),
): Promise<number | null> {
  const since = new Date(now.getTime() - limits.windowMs);
  const [byAccount, byIp] = await Promise.all([
    failureTimes(db, { email }, since),
    failureTimes(db, { ip }, since),
  ]);
  let until = 0;
  for (const [times, max] of [[byAccount, limits.maxPerAccount], [byIp, limits.maxPerIp]] as const) {
    if (times.length >= max) {
      // The (n-max)th oldest failure is the one whose expiry brings the count below the limit.
      const decisive = times[times.length - max]!;
      until = Math.max(until, decisive.getTime() + limits.windowMs);
    }
  }
  if (until <= now.getTime()) return null;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** Records the outcome of a sign-in attempt. */
export async function recordSignIn(
  db: DbClient, limits: LoginLimits, email: string, ip: string, success: boolean, now = new Date(),
) {
  await recordLoginAttempt(db, email, ip, success, now);
  if (success) await clearLoginFailures(db, email, new Date(now.getTime() - limits.windowMs));
}
