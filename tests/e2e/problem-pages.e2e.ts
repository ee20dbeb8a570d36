import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support/fixtures";

test("the 403 page's title and heading say what happened, not the refused page's name", async ({ page }) => {
  await signIn(page, demo.relevantMember);
  for (const path of ["/f/ostfold/admin", "/f/ostfold/admin/users", "/f/ostfold/admin/settings"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(403);
    await expect(page).toHaveTitle("Ingen tilgang · Samråd");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingen tilgang");
  }
});

test("the 404 page's title says the page does not exist", async ({ page }) => {
  await signIn(page, demo.relevantMember);
  const res = await page.goto("/f/ostfold/groups/finnesikke12345678");
  expect(res?.status()).toBe(404);
  await expect(page).toHaveTitle("Siden finnes ikke · Samråd");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden finnes ikke");
});
