import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "true" || v === "1" || v === "yes"));

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().transform((v) => v ?? fallback);

/** Every environment variable the app reads, with defaults. README "Configuration" mirrors this list. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: int(3000, 0, 65535),
    HOST: z.string().min(1).default("0.0.0.0"),
    APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:3000" }).optional(),
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:.+|postgres(ql)?:\/\/.+)/,
        "must be a SQLite file URL such as file:./data/samrad.db or a PostgreSQL URL such as postgresql://samrad@db:5432/samrad",
      )
      .default("file:./data/samrad.db"),
    /** PostgreSQL only: connections in each instance's pool for Prisma (the sync server's store has its own few). */
    DATABASE_POOL_SIZE: int(10, 1, 500),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (npm start generates one in ./data)").optional(),
    AUDIT_SECRET: z.string().min(32, "must be at least 32 characters (npm start generates one in ./data)").optional(),
    /** Where signed heads of the audit chains are appended; by default audit-head.jsonl beside the database. */
    AUDIT_HEAD_FILE: z.string().min(1).optional(),
    AUDIT_HEAD_MINUTES: int(10, 1, 24 * 60),
    SEED_DEMO: bool(true),
    TRUST_PROXY: bool(false),
    ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [])),
    AUTH_MAX_FAILURES_PER_ACCOUNT: int(10, 1, 10_000),
    AUTH_MAX_FAILURES_PER_ACCOUNT_ANY_ADDRESS: int(50, 1, 100_000),
    AUTH_MAX_FAILURES_PER_IP: int(50, 1, 100_000),
    AUTH_FAILURE_WINDOW_MINUTES: int(15, 1, 24 * 60),
    /** Sign-in attempts (LoginAttempt) are deleted after this many days; must outlast AUTH_FAILURE_WINDOW_MINUTES. */
    RETENTION_LOGIN_ATTEMPTS_DAYS: int(90, 1, 3650),
    /** Notifications read this many days ago are deleted (unread ones stay). */
    RETENTION_READ_NOTIFICATIONS_DAYS: int(180, 1, 3650),
    /** How long a one-time password (new user, administrator's reset) can be used to sign in. */
    ONE_TIME_PASSWORD_HOURS: int(72, 1, 24 * 365),
    COLLAB_MAX_FRAME_BYTES: int(1024 * 1024, 1024, 64 * 1024 * 1024),
    COLLAB_MAX_DOCUMENT_BYTES: int(32 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    COLLAB_IDLE_UNLOAD_MS: int(10_000, 0, 24 * 3600 * 1000),
    COLLAB_FLUSH_MS: int(20, 0, 10_000),
    /** A user's edits of a document further apart than this are separate changes in the grouped change notices. */
    EDIT_STRETCH_GAP_MS: int(5 * 60_000, 0, 24 * 3600_000),
    /** Followers get at most one grouped change notice per document per this many minutes (0: at every tick). */
    DOCUMENT_DIGEST_MINUTES: int(60, 0, 7 * 24 * 60),
    /** How often the server looks for documents whose followers are due a grouped change notice. */
    DOCUMENT_DIGEST_TICK_MS: int(60_000, 100, 24 * 3600_000),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL, such as smtp://user:pass@mail.example.no:587")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Samråd <samrad@localhost>"),
    MAIL_POLL_MS: int(10_000, 10, 3600_000),
    MAIL_RETRY_BASE_MS: int(1000, 1, 3600_000),
    MAIL_RETRY_MAX_MS: int(600_000, 1, 24 * 3600_000),
    MAIL_MAX_ATTEMPTS: int(8, 1, 1000),
    MAIL_LEASE_MS: int(300_000, 1000, 24 * 3600_000),
    /** Due-date and vote reminders: first look this long after start, then every REMINDER_INTERVAL_MS (one instance at a time). */
    REMINDER_FIRST_MS: int(15_000, 0, 24 * 3600_000),
    REMINDER_INTERVAL_MS: int(3600_000, 100, 7 * 24 * 3600_000),
    /** How long a document's text must be quiet before an automatic version is frozen. */
    VERSION_QUIET_MS: int(600_000, 1000, 7 * 24 * 3600_000),
    METRICS_LOG: bool(false),
    /**
     * On SIGTERM the instance first answers readiness with 503 and refuses new websockets, then waits
     * this long (so a load balancer notices) before it stops accepting, stores its rooms and closes its sockets.
     */
    DRAIN_DELAY_MS: int(0, 0, 10 * 60_000),
    /** Imports of figures (CSV, XLSX): largest file, most data rows, longest cell, most columns. */
    IMPORT_MAX_BYTES: int(10 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    IMPORT_MAX_ROWS: int(100_000, 1, 10_000_000),
    IMPORT_MAX_CELL_CHARS: int(1000, 10, 100_000),
    IMPORT_MAX_COLUMNS: int(60, 2, 1000),
    /** Largest image accepted into a document (bytes; PNG, JPEG, WebP or GIF). */
    IMAGE_MAX_BYTES: int(5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    /** An XLSX file is a zip: the most its parts may unpack to (a zip bomb is refused before it is read). */
    IMPORT_MAX_XLSX_UNPACKED_BYTES: int(100 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    /** Redis for several instances (domain events, shared replay checks); unset: one process, nothing of Redis is used. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379")
      .optional(),
    /** What every Redis key and channel of this deployment starts with (deployments or test runs sharing one Redis differ here). */
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_.-]{1,64}$/, "must be 1-64 letters, digits or : _ . - such as samrad:")
      .default("samrad:"),
    /** This instance's name among several (its events are recognised as its own); random per process by default. */
    INSTANCE_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1-64 letters, digits or _ . -")
      .optional(),
  })
  .transform((e) => {
    const appUrl = new URL(e.APP_URL ?? `http://localhost:${e.PORT || 3000}`);
    return {
      ...e,
      // Development and test get a fixed, clearly non-secret default; production never does.
      NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? "development-only-secret-do-not-use-in-production!",
      AUDIT_SECRET: e.AUDIT_SECRET ?? "development-only-audit-secret-do-not-use-in-production!",
      AUDIT_HEAD_FILE:
        e.AUDIT_HEAD_FILE ??
        (e.DATABASE_URL.startsWith("file:")
          ? path.join(path.dirname(e.DATABASE_URL.slice("file:".length)), "audit-head.jsonl")
          : path.join("data", "audit-head.jsonl")),
      APP_URL: appUrl.origin,
      SECURE_COOKIES: appUrl.protocol === "https:",
      INSTANCE_ID: e.INSTANCE_ID ?? processInstanceId(),
    };
  });

/** A random id for this process, the same in every copy of this module (server.ts and Next's bundles). */
function processInstanceId(): string {
  const holder = globalThis as unknown as Record<symbol, string | undefined>;
  return (holder[Symbol.for("samrad.instanceId")] ??= randomBytes(8).toString("hex"));
}

export type Env = z.output<typeof envSchema>;

/** Parses an environment; returns the readable problems instead of throwing. */
export function parseEnv(source: NodeJS.ProcessEnv): { ok: true; env: Env } | { ok: false; problems: string[] } {
  const result = envSchema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`);
  // Checked apart from the schema so that it is listed together with every other problem.
  if (source.NODE_ENV === "production" && !source.NEXTAUTH_SECRET) {
    problems.push("NEXTAUTH_SECRET: is required in production (npm start generates one in ./data)");
  }
  if (source.NODE_ENV === "production" && !source.AUDIT_SECRET) {
    problems.push("AUDIT_SECRET: is required in production (npm start generates one in ./data)");
  }
  // The sign-in limits count attempts in their window: deleting them sooner would lift a lock early.
  if (result.success && result.data.RETENTION_LOGIN_ATTEMPTS_DAYS * 24 * 60 <= result.data.AUTH_FAILURE_WINDOW_MINUTES) {
    problems.push("RETENTION_LOGIN_ATTEMPTS_DAYS: must be longer than AUTH_FAILURE_WINDOW_MINUTES (sign-in attempts are counted in that window)");
  }
  if (result.success && problems.length === 0) return { ok: true, env: result.data };
  return { ok: false, problems };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once, lazily so that `next build` needs none of it). */
export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new Error(`Invalid environment:\n  - ${parsed.problems.join("\n  - ")}`);
  cached = parsed.env;
  return cached;
}
