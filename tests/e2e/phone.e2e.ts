import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

// A 390 px phone (an iPhone 12–15 in portrait) and the keyboard's first stops.
const PHONE = { width: 390, height: 844 };

async function groupPath(page: Page, name: string): Promise<string> {
  await page.goto("/f/ostfold");
  return (await page.getByRole("link", { name }).first().getAttribute("href"))!;
}

/** How far the page's own content starts from the top: the bottom of the forum's tab row. */
async function chromeHeight(page: Page): Promise<number> {
  const box = await page.getByRole("navigation", { name: "Navigasjon i forumet" }).boundingBox();
  return box!.y + box!.height;
}

test("on a phone the header folds into a menu, the forum's tabs are one row, and a document's text starts on the first screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, demo.relevantLead);
  // Brand, search and menu share one row; the forum's tabs are one row too.
  expect(await chromeHeight(page)).toBeLessThanOrEqual(180);
  const menu = page.getByRole("button", { name: "Meny" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Min konto" })).toBeHidden();
  await expectNoSeriousA11yViolations(page);

  // The menu by keyboard: open, reach the account link, Escape closes and returns focus.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "Min konto" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Logg ut" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/phone-menu-open.png" });
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  // A recommendation: its text starts on the first screen, under a compact header and toolbar.
  await page.goto(await groupPath(page, "Kompetansegruppe relevant kompetanse"));
  await page.locator(".doc-list a[href*='/documents/']").first().click();
  const editor = page.getByRole("textbox", { name: "Dokumenttekst" });
  await expect(editor).toBeVisible();
  expect((await editor.boundingBox())!.y).toBeLessThan(PHONE.height * 0.75);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/phone-document.png" });

  // The current tab stays in view in the sideways-scrolling tab row.
  await page.goto("/f/ostfold/notifications");
  const current = page.getByRole("navigation", { name: "Navigasjon i forumet" }).locator('[aria-current="page"]');
  await expect(current).toBeInViewport();
});

test("no page scrolls sideways on a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, demo.admin);
  const group = await groupPath(page, "Kompetansegruppe relevant kompetanse");
  const groupId = group.split("/").pop();
  await page.goto(group);
  const documentPath = (await page.locator(".doc-list a[href*='/documents/']").first().getAttribute("href"))!;
  await page.goto(`${group}/actions`);
  const actionPath = (await page.locator("a[href*='/actions/c']").first().getAttribute("href"))!;
  for (const path of [
    "/f/ostfold",
    group,
    `${group}/actions`,
    `${group}/actions?view=board`,
    `${group}/actions?view=table`,
    documentPath,
    actionPath,
    "/f/ostfold/actions",
    "/f/ostfold/mine",
    "/f/ostfold/needs",
    "/f/ostfold/gap",
    "/f/ostfold/approvals",
    "/f/ostfold/notifications",
    "/f/ostfold/admin",
    `/f/ostfold/admin/groups/${groupId}`,
    "/f/ostfold/admin/users",
    "/f/ostfold/admin/audit",
    "/account",
  ]) {
    await test.step(path, async () => {
      await page.goto(path);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${path} is ${scroll} px wide in a ${client} px window`).toBeLessThanOrEqual(client);
    });
  }
});

test("the skip link lands past the forum's navigation, on the page's own content", async ({ page }) => {
  await signIn(page, demo.steering);
  await page.reload();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Hopp til hovedinnhold" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The next stop is in the page itself, not the forum's tabs.
  await page.keyboard.press("Tab");
  const inNav = await page.evaluate(() => Boolean(document.activeElement?.closest("nav, header")));
  expect(inNav).toBe(false);
  await expect(page.locator("#content")).toContainText(await page.evaluate(() => document.activeElement?.textContent ?? "-"));
});
