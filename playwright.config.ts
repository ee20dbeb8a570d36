import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./tests/support/chromium";
import { testDatabase } from "./tests/support/test-database";
import { serverEnv } from "./tests/support/test-env";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** The end-to-end server's database (TEST_DATABASE picks SQLite or PostgreSQL); tests that seed their own data open it too. */
export const E2E_DATABASE = testDatabase("e2e", { shared: true });

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.e2e.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "nb-NO",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A fresh database for every run; the server migrates and seeds it on start.
    command: "node --import tsx tests/support/test-database.ts fresh e2e && node --import tsx server.ts",
    url: `http://localhost:${PORT}/login`,
    env: serverEnv(PORT, E2E_DATABASE) as Record<string, string>,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
