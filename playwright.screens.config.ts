import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run screens`: a screenshot of each main screen at 1280 and 390 px, in test-results/screens/,
// to look at before a change to the screens is called done. Not part of `npm test`.
export default defineConfig({
  ...base,
  testDir: "tests/screens",
  testMatch: "**/*.screens.ts",
  reporter: [["list"]],
  timeout: 180_000,
});
