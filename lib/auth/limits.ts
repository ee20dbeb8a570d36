import { env } from "../env.ts";
import type { LoginLimits } from "./rate-limit.ts";

/** Sign-in limits from the environment. */
export function loginLimits(): LoginLimits {
  const e = env();
  return {
    maxPerAccount: e.AUTH_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: e.AUTH_MAX_FAILURES_PER_IP,
    windowMs: e.AUTH_FAILURE_WINDOW_MINUTES * 60_000,
  };
}
