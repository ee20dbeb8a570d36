import type { TestDatabase } from "./test-database.ts";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-jwe-0123456789";
/** The audit key of test servers; vitest.config.ts gives the test processes the same one. */
export const TEST_AUDIT_SECRET = "test-audit-secret-that-is-long-enough-0123456789";

/** Environment for a production server (or a script) started by the tests on its own port and database. */
export function serverEnv(port: number, database: TestDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: TEST_SECRET,
    AUDIT_SECRET: TEST_AUDIT_SECRET,
    AUDIT_HEAD_FILE: database.headFile,
    SEED_DEMO: "true",
    TRUST_PROXY: "true",
    ...extra,
  };
}
