import path from "node:path";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-jwe-0123456789";
/** The audit key of test servers; vitest.config.ts gives the test processes the same one. */
export const TEST_AUDIT_SECRET = "test-audit-secret-that-is-long-enough-0123456789";

/** Environment for a production server started by the tests on its own port and SQLite file. */
export function serverEnv(port: number, dbFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: `file:${path.resolve(dbFile)}`,
    NEXTAUTH_SECRET: TEST_SECRET,
    AUDIT_SECRET: TEST_AUDIT_SECRET,
    AUDIT_HEAD_FILE: `${path.resolve(dbFile)}.audit-head.jsonl`,
    SEED_DEMO: "true",
    TRUST_PROXY: "true",
    ...extra,
  };
}
