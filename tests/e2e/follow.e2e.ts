import { expect, test } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

const RECOMMENDATION = "Anbefaling: flere læreplasser i helsearbeiderfaget";

test("a steering member follows a document with the toggle, by keyboard; the state survives a reload; axe finds nothing serious", async ({ page }) => {
  await signIn(page, demo.steering);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: RECOMMENDATION }).click();
  // The page's own heading (the text may start with the title as a heading too).
  await expect(page.locator(".page-header").getByRole("heading", { name: RECOMMENDATION, level: 1 })).toBeVisible();

  // Not a member of the group: not following by default. The toggle's name stays; its state is aria-pressed.
  const toggle = page.getByRole("button", { name: "Følg dokumentet" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("status").filter({ hasText: "Følger ikke" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: "Følger: du får" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(page.getByRole("button", { name: "Følg dokumentet" })).toHaveAttribute("aria-pressed", "true");

  // And off again with a click.
  await page.getByRole("button", { name: "Følg dokumentet" }).click();
  await expect(page.getByRole("button", { name: "Følg dokumentet" })).toHaveAttribute("aria-pressed", "false");
});

test("a member of the owning group follows its documents by default", async ({ page }) => {
  await signIn(page, demo.relevantMember);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: RECOMMENDATION }).click();
  await expect(page.getByRole("button", { name: "Følg dokumentet" })).toHaveAttribute("aria-pressed", "true");
});
