import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures";

const SHOTS = process.env.SHOTS_DIR ?? "test-results/shell";

/**
 * Checks the page with axe at desktop (1280 px) and phone (390 px) width and saves a full-page
 * screenshot at each (`<name>-1280.png`, `<name>-390.png`), then returns to the desktop width.
 */
export async function checkAtBothWidths(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
