import { describe, expect, it } from "vitest";
import { parseEnv } from "../env.ts";
import { mailWorkerConfig, retryDelayMs } from "./mail-worker.ts";

describe("mail worker settings", () => {
  it("back off exponentially from the base delay, capped", () => {
    const c = { retryBaseMs: 1000, retryMaxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => retryDelayMs(n, c))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it("come from the environment, with defaults", () => {
    const parsed = parseEnv({ NODE_ENV: "test" });
    if (!parsed.ok) throw new Error(parsed.problems.join(", "));
    expect(mailWorkerConfig(parsed.env)).toEqual({ pollMs: 10_000, retryBaseMs: 1000, retryMaxMs: 600_000, maxAttempts: 8, leaseMs: 300_000 });
    const custom = parseEnv({ NODE_ENV: "test", MAIL_RETRY_BASE_MS: "50", MAIL_MAX_ATTEMPTS: "3" });
    expect(custom.ok && mailWorkerConfig(custom.env)).toMatchObject({ retryBaseMs: 50, maxAttempts: 3 });
    expect(parseEnv({ NODE_ENV: "test", MAIL_MAX_ATTEMPTS: "0" }).ok).toBe(false);
  });
});
