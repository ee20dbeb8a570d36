import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support/fixtures";

test("switching to English: the save message is English, and so are the API's errors whatever the cookie says", async ({ page, context }) => {
  await signIn(page, demo.inclusionMember);
  await page.goto("/account");
  await page.getByLabel("Språk").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your changes have been saved." })).toBeVisible();
  await expect(page.getByText("Endringene er lagret.")).toHaveCount(0);

  // A Norwegian locale cookie (another browser's, an old one) does not turn the user's errors Norwegian.
  await context.addCookies([{ name: "samrad-locale", value: "nb", url: page.url() }]);
  const refused = await page.request.get("/api/forums/ostfold/actions/finnesikke12345678");
  expect(refused.status()).toBe(404);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("Could not find what you were looking for.");

  // Back to Norwegian, said in Norwegian.
  await page.goto("/account");
  await page.getByLabel("Language").selectOption({ label: "Norsk bokmål" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Min konto", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
});
