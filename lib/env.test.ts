import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

describe("parseEnv", () => {
  it("fills development defaults", () => {
    const r = parseEnv({ NODE_ENV: "development" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.env.APP_URL).toBe("http://localhost:3000");
    expect(r.env.SEED_DEMO).toBe(true);
    expect(r.env.SECURE_COOKIES).toBe(false);
    expect(r.env.AUTH_MAX_FAILURES_PER_ACCOUNT).toBe(10);
    expect(r.env.AUTH_MAX_FAILURES_PER_ACCOUNT_ANY_ADDRESS).toBe(50);
    expect(r.env.ONE_TIME_PASSWORD_HOURS).toBe(72);
  });

  it("lists every problem at once, with the variable's name", () => {
    const r = parseEnv({ NODE_ENV: "production", PORT: "eighty", APP_URL: "ftp://x", SEED_DEMO: "maybe" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.join("\n");
    expect(text).toContain("PORT");
    expect(text).toContain("APP_URL");
    expect(text).toContain("SEED_DEMO");
  });

  it("requires a secret in production", () => {
    const r = parseEnv({ NODE_ENV: "production" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join()).toContain("NEXTAUTH_SECRET");
    if (!r.ok) expect(r.problems.join()).toContain("AUDIT_SECRET");
  });

  it("puts the signed audit heads beside the database unless told otherwise", () => {
    const r = parseEnv({ NODE_ENV: "development", DATABASE_URL: "file:/srv/samrad/samrad.db" });
    expect(r.ok && r.env.AUDIT_HEAD_FILE).toBe("/srv/samrad/audit-head.jsonl");
    expect(r.ok && r.env.AUDIT_HEAD_MINUTES).toBe(10);
  });

  it("turns on secure cookies behind an https APP_URL", () => {
    const r = parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40), AUDIT_SECRET: "y".repeat(40), APP_URL: "https://samrad.example.no/" });
    expect(r.ok && r.env.SECURE_COOKIES).toBe(true);
    expect(r.ok && r.env.APP_URL).toBe("https://samrad.example.no");
  });

  it("keeps sign-in attempts and read notifications for a configured number of days, longer than the sign-in window", () => {
    const r = parseEnv({ NODE_ENV: "development" });
    expect(r.ok && r.env.RETENTION_LOGIN_ATTEMPTS_DAYS).toBe(90);
    expect(r.ok && r.env.RETENTION_READ_NOTIFICATIONS_DAYS).toBe(180);
    const short = parseEnv({ NODE_ENV: "development", RETENTION_LOGIN_ATTEMPTS_DAYS: "1", AUTH_FAILURE_WINDOW_MINUTES: "1440" });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.problems.join()).toContain("RETENTION_LOGIN_ATTEMPTS_DAYS");
    expect(parseEnv({ NODE_ENV: "development", RETENTION_LOGIN_ATTEMPTS_DAYS: "1", AUTH_FAILURE_WINDOW_MINUTES: "60" }).ok).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", RETENTION_READ_NOTIFICATIONS_DAYS: "0" }).ok).toBe(false);
  });
});

describe("Redis settings", () => {
  it("use no Redis by default, with the samrad: prefix and a random instance id that stays the same in this process", () => {
    const a = parseEnv({ NODE_ENV: "development" });
    const b = parseEnv({ NODE_ENV: "development" });
    expect(a.ok && a.env.REDIS_URL).toBeUndefined();
    expect(a.ok && a.env.REDIS_PREFIX).toBe("samrad:");
    expect(a.ok && a.env.INSTANCE_ID).toMatch(/^[0-9a-f]{16}$/);
    expect(a.ok && b.ok && a.env.INSTANCE_ID === b.env.INSTANCE_ID).toBe(true);
  });

  it("take redis:// and rediss:// URLs, a given prefix and instance id", () => {
    const r = parseEnv({ NODE_ENV: "development", REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: "samrad-test:1:", INSTANCE_ID: "app-a" });
    expect(r.ok && r.env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(r.ok && r.env.REDIS_PREFIX).toBe("samrad-test:1:");
    expect(r.ok && r.env.INSTANCE_ID).toBe("app-a");
    expect(parseEnv({ NODE_ENV: "development", REDIS_URL: "rediss://user:pw@redis.example.no:6380/2" }).ok).toBe(true);
  });

  it("refuse other URLs, empty or odd prefixes and instance ids, naming the variable", () => {
    for (const [name, value] of [
      ["REDIS_URL", "http://127.0.0.1:6379"],
      ["REDIS_URL", "127.0.0.1:6379"],
      ["REDIS_PREFIX", ""],
      ["REDIS_PREFIX", "has space"],
      ["INSTANCE_ID", ""],
      ["INSTANCE_ID", "a/b"],
    ] as const) {
      const r = parseEnv({ NODE_ENV: "development", [name]: value });
      expect(r.ok, `${name}=${value}`).toBe(false);
      if (!r.ok) expect(r.problems.join()).toContain(name);
    }
  });
});
