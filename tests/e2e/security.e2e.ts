import { expect, test } from "@playwright/test";
import { demo, DEMO_PASSWORD } from "./support/fixtures";

test.describe("callbackUrl after sign-in", () => {
  for (const callback of ["/%09/evil.example", "/%5Cevil.example", "//evil.example"]) {
    test(`${callback} ends on our own origin`, async ({ page, baseURL }) => {
      // Nothing may leave our origin: a request to evil.example fails the test instead of hanging.
      const foreign: string[] = [];
      await page.route((url) => url.hostname.endsWith("evil.example"), (route) => {
        foreign.push(route.request().url());
        return route.abort();
      });
      await page.goto(`/login?callbackUrl=${callback}`);
      await page.getByLabel("E-post").fill(demo.relevantMember);
      await page.getByLabel(/^Passord/).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Logg inn" }).click();
      await expect(page).toHaveURL(/\/f\/ostfold$/);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(foreign).toEqual([]);
    });
  }
});
