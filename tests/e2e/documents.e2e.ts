import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

const RECOMMENDATION = "Anbefaling: flere læreplasser i helsearbeiderfaget";

async function openAs(browser: Browser, email: string, title = RECOMMENDATION) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const editor = page.getByRole("textbox", { name: "Dokumenttekst" });
  // The text is loaded (the title is the page's heading, not part of the text).
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", /saved|readOnly/);
  await expect(editor).not.toBeEmpty();
  return { context, page, editor };
}

async function typeAtEnd(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Dokumenttekst" }).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

const status = (page: Page) => page.getByTestId("sync-status");

test("two members co-edit a recommendation live; a steering member reads it but cannot change it", async ({ browser }) => {
  const marte = await openAs(browser, demo.relevantLead);
  const ole = await openAs(browser, demo.relevantMember);

  await typeAtEnd(marte.page, "Marte skriver her.");
  await expect(ole.editor).toContainText("Marte skriver her.");
  await typeAtEnd(ole.page, "Ole svarer her.");
  await expect(marte.editor).toContainText("Ole svarer her.");

  // Every block carries a stable id (for anchoring actions and comments), the same for everyone.
  const blockId = await marte.editor.locator("p", { hasText: "Marte skriver her." }).getAttribute("data-id");
  expect(blockId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(ole.editor.locator("p", { hasText: "Marte skriver her." })).toHaveAttribute("data-id", blockId!);

  // Each sees the other's named caret and presence.
  await expect(marte.page.locator(".collaboration-carets__label", { hasText: "Ole Johansen" })).toBeVisible();
  await expect(ole.page.locator(".collaboration-carets__label", { hasText: "Marte Nilsen" })).toBeVisible();
  await expect(marte.page.getByRole("list", { name: "I dokumentet nå" })).toContainText("Ole Johansen");
  await expect(status(marte.page)).toHaveAttribute("data-status", "saved");
  await expect(status(ole.page)).toHaveText(/Lagret/);

  // The steering group reads the same text, read-only.
  const ingrid = await openAs(browser, demo.steering);
  await expect(ingrid.editor).toContainText("Ole svarer her.");
  await expect(ingrid.page.getByText("Du kan lese dokumentet, men ikke endre det.")).toBeVisible();
  await expect(ingrid.editor).toHaveAttribute("contenteditable", "false");
  await expect(ingrid.page.getByRole("toolbar")).toHaveCount(0);
  const before = await ingrid.editor.textContent();
  await ingrid.editor.click();
  await ingrid.page.keyboard.type("Styringsgruppen prøver å skrive");
  await ingrid.page.waitForTimeout(500);
  expect(await ingrid.editor.textContent()).toBe(before);
  await expect(marte.editor).not.toContainText("Styringsgruppen prøver å skrive");
  await expectNoSeriousA11yViolations(ingrid.page);

  // A reload shows the same, stored content.
  await ole.page.reload();
  await expect(ole.page.getByRole("textbox", { name: "Dokumenttekst" })).toContainText("Marte skriver her.");
  await expect(ole.page.getByRole("textbox", { name: "Dokumenttekst" })).toContainText("Ole svarer her.");
  await expect(ole.page.locator("p", { hasText: "Marte skriver her." })).toHaveAttribute("data-id", blockId!);
  await expectNoSeriousA11yViolations(ole.page);

  for (const s of [marte, ole, ingrid]) await s.context.close();
});

test("text typed offline is kept and merged when the connection comes back", async ({ browser }) => {
  const marte = await openAs(browser, demo.relevantLead);
  const ole = await openAs(browser, demo.relevantMember);
  await expect(status(marte.page)).toHaveAttribute("data-status", "saved");

  await marte.context.setOffline(true);
  await expect(status(marte.page)).toHaveText(/Frakoblet – endringer lagres lokalt/);
  await typeAtEnd(marte.page, "Skrevet uten nett.");
  // Meanwhile Ole keeps writing online.
  await typeAtEnd(ole.page, "Ole skriver mens Marte er frakoblet.");
  await ole.page.waitForTimeout(300);
  await expect(ole.editor).not.toContainText("Skrevet uten nett.");

  await marte.context.setOffline(false);
  await expect(ole.editor).toContainText("Skrevet uten nett.");
  await expect(marte.editor).toContainText("Ole skriver mens Marte er frakoblet.");
  await expect(status(marte.page)).toHaveAttribute("data-status", "saved");
  await expect(marte.page.getByRole("status").filter({ hasText: "Tilkoblet igjen" })).toBeAttached();
  for (const s of [marte, ole]) await s.context.close();
});

test("a member creates a document, which opens in the editor with its title", async ({ page }) => {
  await signIn(page, demo.lifelongMember);
  await page.getByRole("link", { name: "Kompetansegruppe livslang læring" }).first().click();
  const form = page.getByRole("form", { name: "Nytt dokument" });
  await form.getByLabel("Tittel").fill("Notat om voksne i arbeid");
  await form.getByLabel("Type").selectOption("NOTE");
  await form.getByLabel("Livslang læring").check();
  await form.getByRole("button", { name: "Opprett dokument" }).click();
  await expect(page.getByRole("heading", { name: "Notat om voksne i arbeid", level: 1 })).toBeVisible();
  // The title is the page's heading only; the new text starts empty.
  await expect(status(page)).toHaveAttribute("data-status", "saved");
  await expect(page.getByRole("textbox", { name: "Dokumenttekst" })).not.toContainText("Notat om voksne i arbeid");
  await expect(page.getByText("Notat · Utkast · Livslang læring")).toBeVisible();
  await typeAtEnd(page, "Første avsnitt.");
  await expect(status(page)).toHaveAttribute("data-status", "saved");
  await expectNoSeriousA11yViolations(page);
});
