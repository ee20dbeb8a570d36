import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expectNoSeriousA11yViolations } from "./support/fixtures";

// A member picks Nynorsk on the sign-in page, signs in, and the whole interface speaks Nynorsk with
// lang="nn": every main screen, checked with axe. The chrome (header, navigation, headings) carries
// no Bokmål-only word. The account goes back to Bokmål at the end, whatever happens.

/** Words that exist in Bokmål but are wrong in Nynorsk; the interface's own text must not use them. */
const BOKMAL = /(?<!\p{L})(ikke|hva|hvem|hvordan|også|ble|noen|bare|ennå|fra|hele|mye|gjøre|være|dokumenter|medlemmer|varsler|anbefalinger|innstillinger|hendelseslogg)(?!\p{L})/iu;

async function expectNynorskPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(page.locator("h1").first()).toBeVisible();
  const chrome = await page.locator("header, nav, h1, h2, footer, label, button").allInnerTexts();
  const leaks = chrome.filter((text) => BOKMAL.test(text));
  expect(leaks, `${path}: Bokmål in the interface`).toEqual([]);
  await expectNoSeriousA11yViolations(page);
}

test("picking Nynorsk on the sign-in page: every main screen in Nynorsk, and axe passes under lang=nn", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/login");
  await page.getByRole("button", { name: "Norsk nynorsk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(page.getByText("Logg inn med e-postadressa og passordet du har fått frå administratoren i forumet.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("E-post").fill(demo.admin);
  await page.getByLabel(/^Passord/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(/\/f\/ostfold$/);
  try {
    // The choice made on the sign-in page is now the account's.
    await page.goto("/account");
    await expect(page.getByLabel("Språk")).toHaveValue("nn");

    const groupHref = await (async () => {
      await page.goto("/f/ostfold");
      return page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().getAttribute("href");
    })();
    for (const path of [
      "/f/ostfold",
      groupHref!,
      `${groupHref}/actions`,
      "/f/ostfold/actions",
      "/f/ostfold/mine",
      "/f/ostfold/approvals",
      "/f/ostfold/notifications",
      "/f/ostfold/needs",
      "/f/ostfold/gap",
      "/f/ostfold/reports",
      "/f/ostfold/search?q=l%C3%A6replass",
      "/f/ostfold/admin",
      "/f/ostfold/admin/users",
      "/f/ostfold/admin/settings",
      "/f/ostfold/admin/sign-in",
      "/f/ostfold/admin/statements",
      "/f/ostfold/admin/audit",
      "/account",
      "/account/data",
      "/personvern",
      "/tilgjengelighet",
    ]) {
      await test.step(path, () => expectNynorskPage(page, path));
    }
    // A document in the live editor.
    await page.goto(groupHref!);
    await page.locator("main").getByRole("link", { name: /tilråding|Tilråding|Anbefaling/ }).first().click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nn");
    await expect(page.getByText(/Lagra|Lagrar|Berre lesetilgang/).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  } finally {
    const res = await page.request.patch("/api/account", { data: { locale: "nb" }, headers: { origin: new URL(page.url()).origin } });
    expect(res.status()).toBe(200);
  }
  await page.goto("/f/ostfold");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
});
