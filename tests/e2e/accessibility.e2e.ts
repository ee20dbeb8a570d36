import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

async function groupId(page: Page, name: string): Promise<string> {
  await page.goto("/f/ostfold");
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

test.describe("axe-core finds no serious or critical WCAG 2.1 A/AA violations", () => {
  test("signed-out pages", async ({ page }) => {
    await page.goto("/login");
    await expectNoSeriousA11yViolations(page);
    // The public statements, linked from the sign-in page.
    for (const path of ["/personvern", "/tilgjengelighet"]) {
      await test.step(path, async () => {
        await page.goto(path);
        await expectNoSeriousA11yViolations(page);
      });
    }
    await page.goto("/login");
    // The error state of the sign-in form too.
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Feil" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  for (const width of [1280, 390]) test(`every page an administrator sees, ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, demo.admin);
    const id = await groupId(page, "Kompetansegruppe relevant kompetanse");
    for (const path of [
      "/f/ostfold",
      `/f/ostfold/groups/${id}`,
      `/f/ostfold/groups/${id}/actions`,
      "/f/ostfold/actions",
      "/f/ostfold/mine",
      "/f/ostfold/notifications",
      "/f/ostfold/admin",
      `/f/ostfold/admin/groups/${id}`,
      "/f/ostfold/admin/users",
      "/f/ostfold/admin/target-areas",
      "/f/ostfold/admin/regions",
      "/f/ostfold/admin/audit",
      "/f/ostfold/admin/statements",
      "/f/ostfold/admin/sign-in",
      "/f/ostfold/needs",
      "/f/ostfold/needs?sort=title&period=2026&archived=1",
      "/f/ostfold/gap",
      "/f/ostfold/reports",
      "/f/ostfold/needs/import",
      "/f/ostfold/search?q=l%C3%A6replass",
      "/account",
      "/account/data",
      "/f/ostfold/does-not-exist",
    ]) {
      await test.step(path, async () => {
        await page.goto(path);
        await expectNoSeriousA11yViolations(page);
      });
    }
    // A form showing its validation errors.
    await page.goto("/f/ostfold/admin");
    await page.getByRole("button", { name: "Opprett gruppe" }).click();
    await expect(page.getByText("må ha minst 2 tegn")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("pages a member sees, including the 403 page", async ({ page }) => {
    await signIn(page, demo.inclusionMember);
    await page.goto("/f/ostfold/admin");
    await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto("/f/ostfold");
    await expectNoSeriousA11yViolations(page);
  });

  test("the English pages", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "samrad-locale", value: "en", url: baseURL! }]);
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("keyboard", () => {
  test("the skip link is the first stop, is visible, and moves focus to the main content", async ({ page }) => {
    await signIn(page, demo.steering);
    await page.reload();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hopp til hovedinnhold" });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press("Enter");
    // In a forum, the page's own content (past the forum's tabs: phone.e2e.ts); <main> elsewhere.
    await expect(page.locator("#content")).toBeFocused();
    await page.goto("/account");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("a member signs in and reaches a group using only the keyboard, with visible focus at every stop", async ({ page }) => {
    await page.goto("/login");
    // The e-mail field has focus on arrival.
    await expect(page.getByLabel("E-post")).toBeFocused();
    await page.keyboard.type(demo.relevantMember);
    await page.keyboard.press("Tab");
    await page.keyboard.type("samrad-demo-2026");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/f\/ostfold$/);

    // Tab through the page: every focused element must show a focus indicator.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { text: el.textContent?.trim() ?? "", outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
      });
      expect(info).not.toBeNull();
      expect(info!.outline !== "none" && info!.width >= 2, `focus visible on "${info!.text}"`).toBe(true);
      if (info!.text === "Kompetansegruppe relevant kompetanse") reached = true;
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Kompetansegruppe relevant kompetanse", level: 1 })).toBeVisible();
  });
});

test("a page load asks for nothing that is missing and logs no errors (the icon is served, no /favicon.ico 404)", async ({ page }) => {
  const failed: string[] = [];
  const errors: string[] = [];
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto("/login");
  await signIn(page, demo.relevantMember);
  await page.goto("/f/ostfold/needs");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toMatch(/^\/icon\.svg/);
  expect((await page.request.get(icon!)).status()).toBe(200);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});
