// `npm test`: every suite, in order: build (if sources changed) → vitest (unit + integration) → Playwright.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildIfNeeded } from "./build-if-needed.ts";
import { findChromium } from "../tests/support/chromium.ts";

function run(title: string, command: string, args: string[]): void {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own build (downloaded once when missing). */
async function ensureChromium(): Promise<void> {
  const found = findChromium();
  if (found) {
    console.log(`Using Chromium at ${found}.`);
    return;
  }
  const { chromium } = await import("@playwright/test");
  if (existsSync(chromium.executablePath())) {
    console.log(`Using Playwright's Chromium at ${chromium.executablePath()}.`);
    return;
  }
  run("Installing Playwright's Chromium", process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"]);
}

console.log("=== Build ===");
buildIfNeeded();
run("Lint (eslint)", process.execPath, ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"]);
run("Unit and integration tests (vitest)", process.execPath, ["node_modules/vitest/vitest.mjs", "run"]);
await ensureChromium();
run("End-to-end tests (Playwright, Chromium)", process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
console.log("\nAll test suites passed.");
