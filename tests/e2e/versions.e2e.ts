import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

const TITLE = "Anbefaling om lærlinger i kommunene";

async function typeAtEnd(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Dokumenttekst" }).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "saved");
}

/** Presses a button from the keyboard (focus, then Enter), as someone without a mouse would. */
async function press(page: Page, name: string | RegExp) {
  const button = page.getByRole("button", { name, exact: typeof name === "string" });
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
}

async function saveVersion(page: Page, name: string, number: number) {
  const field = page.getByRole("textbox", { name: /Navn på versjonen/ });
  await field.focus();
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Versjon ${number} er lagret.` })).toBeVisible();
  await expect(page.getByTestId(`version-${number}`)).toContainText(name);
}

// The second test reads the document and versions the first one made (the file runs in order).
test.describe.configure({ mode: "serial" });

test("a member saves a named version, compares it with a later one and restores it; another open editor follows live", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demo.relevantLead);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  const form = page.getByRole("form", { name: "Nytt dokument" });
  await form.getByLabel("Tittel").fill(TITLE);
  await form.getByRole("button", { name: "Opprett dokument" }).click();
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  const editor = page.getByRole("textbox", { name: "Dokumenttekst" });
  await typeAtEnd(page, "Kommunene bør ta inn flere lærlinger.");

  // The history is a disclosure, opened from the keyboard.
  const toggle = page.getByRole("button", { name: /Versjonshistorikk/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await press(page, /Versjonshistorikk/);
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText("Ingen versjoner ennå.")).toBeVisible();

  await saveVersion(page, "Første utkast", 1);
  await expect(page.getByTestId("version-1")).toContainText("Marte Nilsen");
  await expect(page.getByTestId("version-1").locator("code")).toHaveText(/^[0-9a-f]{12}$/);
  await expectNoSeriousA11yViolations(page);

  // A second member has the document open.
  const other = await browser.newContext();
  const olePage = await other.newPage();
  await signIn(olePage, demo.relevantMember);
  await olePage.goto(page.url());
  const oleEditor = olePage.getByRole("textbox", { name: "Dokumenttekst" });
  await expect(oleEditor).toContainText("Kommunene bør ta inn flere lærlinger.");

  await typeAtEnd(page, "Fylket lager en felles læreplassbank.");
  await expect(oleEditor).toContainText("Fylket lager en felles læreplassbank.");
  await saveVersion(page, "Med læreplassbank", 2);

  // Compare: version 1 → version 2 is the default; the new paragraph is marked as inserted.
  await expect(page.getByLabel("Fra versjon").locator("option:checked")).toHaveText(/^1 – Første utkast/);
  await expect(page.getByLabel("Til versjon").locator("option:checked")).toHaveText(/^2 – Med læreplassbank/);
  await press(page, "Sammenlign");
  const diffHeading = page.getByRole("heading", { name: "Endringer fra versjon 1 til versjon 2" });
  await expect(diffHeading).toBeFocused();
  const diff = page.getByTestId("version-diff");
  await expect(diff.locator("ins", { hasText: "Fylket lager en felles læreplassbank." })).toBeVisible();
  await expect(diff.locator("ins").first()).toHaveCSS("text-decoration-line", "underline");
  await expect(diff.getByText("Kommunene bør ta inn flere lærlinger.")).toBeVisible();
  await expect(diff.locator("del")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await press(page, "Lukk");
  await expect(diffHeading).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sammenlign" })).toBeFocused();

  // Read version 1 as it was frozen.
  await press(page, "Vis versjon 1");
  await expect(page.getByRole("heading", { name: "Versjon 1: Første utkast" })).toBeFocused();
  const frozen = page.locator(".version-view__text");
  await expect(frozen).toContainText("Kommunene bør ta inn flere lærlinger.");
  await expect(frozen).not.toContainText("læreplassbank");
  await press(page, "Lukk");

  // Restore version 1: a confirmation first, then both open editors show the old text.
  await press(page, "Gjenopprett versjon 1");
  await expect(page.getByText(/Teksten i dokumentet blir slik den var i versjon 1/)).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await press(page, "Ja, gjenopprett");
  await expect(page.getByRole("status").filter({ hasText: "Versjon 1 er gjenopprettet, og teksten er lagret som versjon 3." })).toBeVisible();
  await expect(editor).not.toContainText("læreplassbank");
  await expect(editor).toContainText("Kommunene bør ta inn flere lærlinger.");
  await expect(oleEditor).not.toContainText("læreplassbank");
  await expect(oleEditor).toContainText("Kommunene bør ta inn flere lærlinger.");
  await expect(page.getByTestId("version-3")).toContainText("Gjenopprettet");
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", "saved");
  await expect(olePage.getByTestId("sync-status")).toHaveAttribute("data-status", "saved");

  // A reload shows the restored text: it is stored.
  await olePage.reload();
  await expect(olePage.getByRole("textbox", { name: "Dokumenttekst" })).toContainText("Kommunene bør ta inn flere lærlinger.");
  await expect(olePage.getByRole("textbox", { name: "Dokumenttekst" })).not.toContainText("læreplassbank");

  await other.close();
  await context.close();
});

test("a steering member reads and compares versions but cannot save or restore them", async ({ page }) => {
  await signIn(page, demo.steering);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: TITLE }).click();
  await press(page, /Versjonshistorikk/);
  await expect(page.getByTestId("version-1")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /Navn på versjonen/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Gjenopprett versjon/ })).toHaveCount(0);
  await press(page, "Sammenlign");
  await expect(page.getByTestId("version-diff")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
