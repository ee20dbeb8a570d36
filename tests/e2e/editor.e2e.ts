import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { makePng } from "../support/png";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

const SHOTS = "test-results/editor";
const GROUP = "Kompetansegruppe livslang læring";

const editorOf = (page: Page) => page.getByRole("textbox", { name: "Dokumenttekst" });
/** The editor whatever its role (a combobox while the "/" menu is open). */
const editorElement = (page: Page) => page.locator('.editor-content[aria-label="Dokumenttekst"]');
const status = (page: Page) => page.getByTestId("sync-status");

/** Creates a document in the member's group and waits for its editor, writable and synced. */
async function createDocument(page: Page, title: string) {
  await signIn(page, demo.lifelongMember);
  await page.getByRole("link", { name: GROUP }).first().click();
  const form = page.getByRole("form", { name: "Nytt dokument" });
  await form.getByLabel("Tittel").fill(title);
  await form.getByRole("button", { name: "Opprett dokument" }).click();
  await expect(page.locator(".page-header").getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(editorOf(page)).toHaveAttribute("contenteditable", "true");
  await expect(status(page)).toHaveAttribute("data-status", "saved");
}

/** Navigation → editable, synced editor, logged (no assertion on the time: machines differ). */
async function openTimed(page: Page, url: string, label: string) {
  const start = Date.now();
  await page.goto(url);
  await expect(editorOf(page)).toHaveAttribute("contenteditable", "true");
  await expect(status(page)).toHaveAttribute("data-status", "saved");
  console.log(`[timing] ${label}: navigation → editable synced editor in ${Date.now() - start} ms`);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

test("a document's title is in one place: the page's only level-1 heading, not copied into the text; a rename changes it everywhere", async ({ page }) => {
  const title = `Notat om kveldskurs ${Date.now()}`;
  await createDocument(page, title);
  const editor = editorOf(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(editor.getByRole("heading")).toHaveCount(0);
  await expect(editor).not.toContainText(title);

  // A reload (the server loads the document into a room again) adds no heading either.
  await editor.click();
  await page.keyboard.type("Første avsnitt.");
  await expect(status(page)).toHaveAttribute("data-status", "saved");
  await page.reload();
  await expect(editorOf(page)).toContainText("Første avsnitt.");
  await expect(editorOf(page).getByRole("heading")).toHaveCount(0);

  // Rename: the page's heading follows and is still the only level-1 heading; the old title is nowhere in the text.
  const renamed = `${title} (revidert)`;
  const details = page.getByRole("form", { name: "Om dokumentet" });
  await details.getByLabel("Tittel").fill(renamed);
  await details.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
  await page.reload();
  await expect(page.locator(".page-header").getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(editorOf(page)).toContainText("Første avsnitt.");
  await expect(editorOf(page)).not.toContainText(title);
});

test("the formatting toolbar is one tab stop: arrows, Home and End move inside it, Tab leaves it", async ({ page }) => {
  await createDocument(page, `Verktøylinje ${Date.now()}`);
  const toolbar = page.getByRole("toolbar", { name: "Formatering" });
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  const inToolbar = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="toolbar"][aria-label="Formatering"]')));

  // Back from the text: the toolbar is reached once, at its first button.
  await editorOf(page).click();
  await page.keyboard.press("Shift+Tab");
  expect(await inToolbar()).toBe(true);
  expect(await focusedName()).toBe("Overskrift");
  await page.keyboard.press("ArrowRight");
  expect(await focusedName()).toBe("Underoverskrift");
  await page.keyboard.press("End");
  expect(await focusedName()).toContain("Snarveier");
  await page.keyboard.press("ArrowRight"); // wraps
  expect(await focusedName()).toBe("Overskrift");
  await page.keyboard.press("ArrowLeft");
  expect(await focusedName()).toContain("Snarveier");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  expect(await focusedName()).toBe("Fet");
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);

  // One Tab leaves it (into the text); Shift+Tab comes back to the button last used, another leaves it backwards.
  await page.keyboard.press("Tab");
  await expect(editorOf(page)).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  expect(await focusedName()).toBe("Fet");
  await page.keyboard.press("Shift+Tab");
  expect(await inToolbar()).toBe(false);

  // Every button's name is its visible words (WCAG 2.5.3).
  for (const button of await toolbar.getByRole("button").all()) {
    const visible = ((await button.evaluate((b) => (b as HTMLElement).innerText)) ?? "").replace("?", "").trim();
    const name = await button.evaluate((b) => b.textContent ?? "");
    expect(name).toContain(visible);
  }
});

test("slash menu, table controls, image upload and link dialog: everything syncs, survives a reload and passes axe at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const title = `Plan for kveldsmoduler ${Date.now()}`;
  await createDocument(page, title);
  const editor = editorElement(page);
  await editor.click();

  // "/" opens the block menu; typing filters it; Enter chooses.
  await page.keyboard.type("/");
  const menu = page.getByRole("listbox", { name: "Sett inn blokk" });
  await expect(menu).toBeVisible();
  await expect(editor).toHaveAttribute("role", "combobox");
  await expect(editor).toHaveAttribute("aria-expanded", "true");
  await expect(menu.getByRole("option")).toHaveCount(11);
  await page.keyboard.type("over");
  await expect(menu.getByRole("option")).toHaveText(["Overskrift"]);
  await expect(editor).toHaveAttribute("aria-activedescendant", (await menu.getByRole("option").first().getAttribute("id"))!);
  await shot(page, "slash-menu-1280");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await expect(editor).toHaveAttribute("role", "textbox");
  await page.keyboard.type("Bakgrunn");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Kveldsmoduler gir voksne en vei inn.");
  await page.keyboard.press("Enter");

  // Escape closes the menu and leaves the typed text.
  await page.keyboard.type("/pun");
  await expect(menu.getByRole("option")).toHaveText(["Punktliste"]);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");

  // A table from the menu, with the arrow keys; its controls appear while the cursor is in it.
  await page.keyboard.type("/");
  await page.keyboard.type("tab");
  await expect(menu.getByRole("option").first()).toHaveText("Tabell");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  const table = editor.locator("table");
  await expect(table.locator("tr")).toHaveCount(3);
  await expect(table.locator("tr").first().locator("th, td")).toHaveCount(3);
  const tableTools = page.getByRole("toolbar", { name: "Tabell" });
  await expect(tableTools).toBeVisible();
  await page.keyboard.type("Modul");
  await shot(page, "table-controls-1280");
  await expectNoSeriousA11yViolations(page);
  await tableTools.getByRole("button", { name: "Rad under" }).click();
  await expect(table.locator("tr")).toHaveCount(4);
  await tableTools.getByRole("button", { name: "Slett kolonne" }).click();
  await expect(table.locator("tr").first().locator("th, td")).toHaveCount(2);

  // An image: chosen with the file picker, with its alternative text (required), uploaded, then placed.
  await editor.getByText("Kveldsmoduler gir voksne en vei inn.").click();
  await page.keyboard.press("End");
  await page.getByRole("toolbar", { name: "Formatering" }).getByRole("button", { name: "Bilde …" }).click();
  const imageDialog = page.getByRole("dialog", { name: "Sett inn bilde" });
  await expect(imageDialog).toBeVisible();
  await imageDialog.getByLabel("Bildefil").setInputFiles({ name: "modul.png", mimeType: "image/png", buffer: makePng(48, 24) });
  await imageDialog.getByRole("button", { name: "Last opp og sett inn" }).click();
  await expect(imageDialog.getByText("Skriv en alternativ tekst, eller marker bildet som pynt.")).toBeVisible();
  await imageDialog.getByRole("textbox", { name: "Alternativ tekst" }).fill("Skisse av modulplanen");
  await imageDialog.getByRole("button", { name: "Last opp og sett inn" }).click();
  await expect(imageDialog).toBeHidden();
  const image = editor.getByRole("img", { name: "Skisse av modulplanen" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(48);

  // A link through the dialog: a bad address is refused in words and changes nothing.
  await editor.getByText("Kveldsmoduler gir voksne en vei inn.").click({ position: { x: 4, y: 8 } });
  await page.keyboard.press("Home");
  for (let i = 0; i < "Kveldsmoduler".length; i++) await page.keyboard.press("Shift+ArrowRight");
  // The selection's own menu offers the link too; Ctrl+K opens the same dialog.
  await expect(page.getByRole("toolbar", { name: "Formatering av markert tekst" })).toBeVisible();
  await shot(page, "selection-menu-1280");
  await page.keyboard.press("Control+k");
  const linkDialog = page.getByRole("dialog", { name: "Sett inn lenke" });
  await expect(linkDialog).toBeVisible();
  await expect(linkDialog.getByLabel("Lenkeadresse")).toBeFocused();
  await linkDialog.getByLabel("Lenkeadresse").fill("javascript:alert(1)");
  await linkDialog.getByRole("button", { name: "Lagre lenke" }).click();
  await expect(linkDialog.getByText("Bare lenker som begynner med https://, http:// eller mailto: er tillatt.")).toBeVisible();
  await linkDialog.getByLabel("Lenkeadresse").fill("nav.no/voksne");
  await shot(page, "link-dialog-1280");
  await expectNoSeriousA11yViolations(page);
  await linkDialog.getByRole("button", { name: "Lagre lenke" }).click();
  await expect(linkDialog).toBeHidden();
  await expect(editor).toBeFocused();
  await expect(editor.locator('a[href="https://nav.no/voksne"]')).toHaveText("Kveldsmoduler");
  await expect(editor.locator("a")).toHaveCount(1);

  // The outline lists the heading.
  await expect(page.getByRole("navigation", { name: "Innholdet i dokumentet" }).getByRole("button", { name: "Bakgrunn" })).toBeVisible();
  await expect(status(page)).toHaveAttribute("data-status", "saved");
  await shot(page, "document-1280");

  // After a reload everything is there, from the server.
  const url = page.url();
  await openTimed(page, url, "reload at 1280 px");
  const again = editorElement(page);
  await expect(again.getByRole("heading", { name: "Bakgrunn", level: 2 })).toBeVisible();
  await expect(again.locator("table tr")).toHaveCount(4);
  await expect(again.locator("table tr").first().locator("th, td")).toHaveCount(2);
  await expect(again.getByRole("img", { name: "Skisse av modulplanen" })).toBeVisible();
  await expect(again.locator('a[href="https://nav.no/voksne"]')).toHaveText("Kveldsmoduler");

  // The same states at 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  await again.locator("table td").first().click();
  await expect(page.getByRole("toolbar", { name: "Tabell" })).toBeVisible();
  await shot(page, "table-controls-390");
  await expectNoSeriousA11yViolations(page);
  await again.getByText("Kveldsmoduler gir voksne en vei inn.").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.evaluate(() => window.scrollBy(0, 320));
  await page.keyboard.type("/");
  await expect(page.getByRole("listbox", { name: "Sett inn blokk" })).toBeVisible();
  // Placed beside the cursor and inside the small window.
  await expect(page.getByRole("listbox", { name: "Sett inn blokk" })).toBeInViewport({ ratio: 1 });
  await shot(page, "slash-menu-390");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("dialog", { name: "Sett inn lenke" })).toBeVisible();
  await shot(page, "link-dialog-390");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Sett inn lenke" })).toBeHidden();
  await expect(again).toBeFocused();
});

test("the shortcuts dialog opens with Ctrl+/, lists the Markdown shortcuts, and Escape returns to the text", async ({ page }) => {
  await createDocument(page, `Snarveier ${Date.now()}`);
  await editorOf(page).click();
  await page.keyboard.press("Control+/");
  const dialog = page.getByRole("dialog", { name: "Snarveier i teksten" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("row", { name: /## Overskrift/ })).toBeVisible();
  await expect(dialog.getByRole("row", { name: /\*\*tekst\*\* Fet/ })).toBeVisible();
  await shot(page, "shortcuts-1280");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(editorOf(page)).toBeFocused();
  // And the rules listed work: "## " makes a heading.
  await page.keyboard.type("## Mål");
  await expect(editorOf(page).getByRole("heading", { name: "Mål", level: 2 })).toBeVisible();
});

test("opening a document: the time from navigation to an editable, synced editor is logged", async ({ page }) => {
  await signIn(page, demo.relevantLead);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: "Anbefaling: flere læreplasser i helsearbeiderfaget" }).click();
  await expect(status(page)).toHaveAttribute("data-status", "saved");
  const url = page.url();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto("about:blank");
    const start = Date.now();
    await page.goto(url);
    await expect(editorOf(page)).toHaveAttribute("contenteditable", "true");
    await expect(status(page)).toHaveAttribute("data-status", "saved");
    times.push(Date.now() - start);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const chunk = performance.getEntriesByType("resource").find((r) => /document-editor|editor/.test(r.name) && r.name.endsWith(".js"));
      return { ttfb: Math.round(n.responseStart), dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd), chunk: chunk ? Math.round(chunk.startTime) : null };
    });
    console.log(`[timing]   run ${i + 1}: ${times.at(-1)} ms; first byte ${nav.ttfb} ms, DOMContentLoaded ${nav.dcl} ms, load ${nav.load} ms`);
  }
  times.sort((a, b) => a - b);
  console.log(`[timing] open a demo recommendation ×5: ${times.join(", ")} ms (median ${times[2]} ms)`);
});
