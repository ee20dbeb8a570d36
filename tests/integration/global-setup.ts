import type { TestProject } from "vitest/node";
import { startServer } from "../support/server-process.ts";
import { dropStaleTestDatabases, TEST_DIALECT } from "../support/test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dbUrl: string;
  }
}

/** One real production server with a fresh, seeded SQLite file for all integration tests. */
export default async function setup(project: TestProject) {
  if (TEST_DIALECT === "postgres") await dropStaleTestDatabases();
  // No automatic versions behind the tests' backs (they write audit events that "nothing written"
  // checks count); versions.test.ts runs the job itself. Likewise no grouped change notices
  // (follows.test.ts runs the digest itself), and a short editing stretch so its tests can count changes.
  const server = await startServer("integration", {
    VERSION_QUIET_MS: String(7 * 24 * 3600_000),
    DOCUMENT_DIGEST_TICK_MS: String(24 * 3600_000),
    EDIT_STRETCH_GAP_MS: "300",
  });
  project.provide("baseUrl", server.url);
  project.provide("dbUrl", server.dbUrl);
  return async () => {
    await server.stop();
  };
}
