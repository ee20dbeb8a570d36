import { test } from "@playwright/test";
import { demo, signIn } from "./support/fixtures";

test("screens", async ({ page }) => {
  await page.goto("/login");
  await page.screenshot({ path: "test-results/shot-login.png", fullPage: true });
  await signIn(page, demo.admin);
  await page.screenshot({ path: "test-results/shot-home.png", fullPage: true });
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.screenshot({ path: "test-results/shot-group.png", fullPage: true });
  await page.goto("/f/ostfold/admin/users");
  await page.screenshot({ path: "test-results/shot-users.png", fullPage: true });
});
