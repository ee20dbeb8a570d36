import { expect, test } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

// Search from the keyboard: the header's combobox (/ and Ctrl+K, arrows, Enter) and the search
// page (filters in the URL, arrow keys between results, axe).

test("the header search: / and Ctrl+K focus it, suggestions are highlighted, arrow keys and Enter open one", async ({ page }) => {
  await signIn(page, demo.relevantLead);
  const box = page.getByRole("combobox", { name: "Søk i forumet" });
  // The shortcut works once the header's script has started (right after a navigation it may not have).
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await expect(box).toHaveValue("");
  await box.fill("helsefag");
  const list = page.getByRole("listbox", { name: "Forslag" });
  await expect(list).toBeVisible();
  const options = list.getByRole("option");
  await expect(options.first()).toContainText("Anbefaling: flere læreplasser i helsearbeiderfaget");
  await expect(options.first().locator("mark").first()).toHaveText("helsefagarbeidere");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expectNoSeriousA11yViolations(page);

  await box.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await box.press("ArrowDown");
  await expect(options.last()).toHaveAttribute("aria-selected", "true");
  await expect(options.last()).toContainText("Se alle treff for «helsefag»");
  await box.press("ArrowUp");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/f\/ostfold\/groups\/[a-z0-9]+\/documents\/[a-z0-9]+$/);
  await expect(page.locator(".page-header").getByRole("heading", { level: 1 })).toContainText("flere læreplasser");

  // Ctrl+K from anywhere, also from the page's own content; Escape closes the list.
  await page.locator(".page-header").getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Control+k");
  await expect(box).toBeFocused();
  await box.fill("læreplass");
  await expect(list).toBeVisible();
  await box.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
});

test("the search page: Enter searches, filters narrow it in the URL, arrow keys move between results", async ({ page }) => {
  await signIn(page, demo.relevantLead);
  // `/` works once the page is hydrated: press until the box has focus.
  const box = page.getByRole("combobox", { name: "Søk i forumet" });
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type("læreplass");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/f\/ostfold\/search\?q=l%C3%A6replass$/);
  await expect(page.getByRole("heading", { level: 2, name: "Treff for «læreplass»" })).toBeVisible();
  const results = page.locator("#search-results");
  const links = results.getByRole("link");
  await expect(links.filter({ hasText: "Anbefaling: flere læreplasser i helsearbeiderfaget" })).toHaveCount(1);
  await expect(links.filter({ hasText: "Hente tall for læreplasser fra alle kommunene" })).toHaveCount(1);
  await expect(results.locator("mark").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // ArrowDown from the query field to the first result, then between results; `/` in a field is a slash.
  const query = page.getByLabel("Søkeord");
  await query.focus();
  await query.press("ArrowDown");
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(links.nth(0)).toBeFocused();

  // Filters: kind, then status, each in the URL (shareable) and in the results.
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Tiltak" });
  await expect(page).toHaveURL(/kind=action/);
  await expect(results.locator(".badge")).not.toHaveCount(0);
  for (const badge of await results.locator(".badge").allTextContents()) expect(badge).toBe("Tiltak");
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Pågår" });
  await expect(page).toHaveURL(/status=IN_PROGRESS/);
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveText("Hente tall for læreplasser fra alle kommunene");
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Ferdig" });
  await expect(page.getByText("Ingen treff for «læreplass».")).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Pågår" });
  await expect(links).toHaveCount(1);

  await query.fill("");
  await query.pressSequentially("a/b");
  await expect(query).toHaveValue("a/b");
  await expect(page.getByRole("combobox", { name: "Søk i forumet" })).not.toBeFocused();

  await links.first().focus();
  await page.keyboard.press("Enter");
  // An action opens on its own page.
  await expect(page).toHaveURL(/\/groups\/[a-z0-9]+\/actions\/[a-z0-9]+$/);
});
