import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_AUDIT_SECRET } from "./tests/support/test-env.ts";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // Test processes write audit events into the servers' databases with the servers' key.
    env: { AUDIT_SECRET: TEST_AUDIT_SECRET },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One real server and one SQLite file are shared; files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
