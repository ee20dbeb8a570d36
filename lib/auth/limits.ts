import { env } from "../env.ts";
import type { LoginLimits } from "./rate-limit.ts";

/** Sign-in limits from the environment. */
export function loginLimits(): LoginLimits {
  const e = env();
  return {
    maxPerAccountAndIp: e.AUTH_MAX_FAILURES_PER_ACCOUNT,
    maxPerAccount: e.AUTH_MAX_FAILURES_PER_ACCOUNT_ANY_ADDRESS,
    maxPerIp: e.AUTH_MAX_FAILURES_PER_IP,
    windowMs: e.AUTH_FAILURE_WINDOW_MINUTES * 60_000,
  };
}

/** When a one-time password given now stops working (`ONE_TIME_PASSWORD_HOURS`). */
export function oneTimePasswordExpiresAt(now = new Date()): Date {
  return new Date(now.getTime() + env().ONE_TIME_PASSWORD_HOURS * 3600_000);
}
