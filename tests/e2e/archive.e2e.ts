import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./support/fixtures";
import { checkAtBothWidths } from "./support/shots";

async function groupId(page: Page, name: string) {
  await page.goto("/f/ostfold");
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

test("a member cannot archive; a lead archives behind a confirmation, finds it in the group's archive and restores it", async ({ browser, page }) => {
  // Marte leads the group; she makes a note to archive.
  await signIn(page, demo.relevantLead);
  const gid = await groupId(page, "Kompetansegruppe relevant kompetanse");
  const word = `arkivprove${Date.now().toString(36)}`;
  const title = `Notat om ${word}`;
  const created = await page.request.post(`/api/forums/ostfold/groups/${gid}/documents`, { data: { title, kind: "NOTE" } });
  expect(created.status()).toBe(201);
  const doc = ((await created.json()) as { document: { id: string; version: number } }).document;
  const docUrl = `/f/ostfold/groups/${gid}/documents/${doc.id}`;

  // Ole is a plain member: no archive button, and the API refuses (403) and changes nothing.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, demo.relevantMember);
  await member.goto(docUrl);
  await expect(member.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(member.getByRole("button", { name: "Arkiver dokumentet" })).toHaveCount(0);
  const refused = await member.request.patch(`/api/forums/ostfold/documents/${doc.id}`, { data: { archived: true, version: doc.version } });
  expect(refused.status()).toBe(403);

  // Marte: the button asks first, in a dialog that starts on "Avbryt"; Escape gives focus back.
  await page.goto(docUrl);
  await expect(page.locator(".page-header .eyebrow")).toContainText("Utkast");
  const archiveButton = page.getByRole("button", { name: "Arkiver dokumentet" });
  await archiveButton.click();
  const dialog = page.getByRole("dialog", { name: `Arkivere «${title}»?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("gruppens arkiv");
  await expect(dialog.getByRole("button", { name: "Avbryt" })).toBeFocused();
  await checkAtBothWidths(page, "archive-dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(archiveButton).toBeFocused();
  await expect(page.locator(".page-header .eyebrow")).toContainText("Utkast");

  await archiveButton.click();
  await dialog.getByRole("button", { name: "Ja, arkiver" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Dokumentet er arkivert." })).toBeVisible();
  await expect(page.locator(".page-header .eyebrow")).toContainText("Arkivert");
  await expect(page.locator(".page-header .eyebrow")).not.toContainText("Utkast");
  await expect(page.getByRole("button", { name: "Gjenopprett dokumentet" })).toBeFocused();

  // Gone from the document list and from search, but listed in the group's archive.
  await page.getByRole("link", { name: "Til gruppens arkiv" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${gid}#archive$`));
  const documents = page.getByRole("region", { name: "Dokumenter" });
  const archive = page.getByRole("region", { name: "Arkiv" });
  await expect(archive.getByRole("link", { name: title })).toBeVisible();
  await expect(documents.getByRole("link", { name: title })).toHaveCount(0);
  await checkAtBothWidths(page, "archive-list");
  await page.goto(`/f/ostfold/search?q=${word}`);
  await expect(page.getByText(`Ingen treff for «${word}».`)).toBeVisible();

  // Ole reads the archive too, without a restore button.
  await member.goto(`/f/ostfold/groups/${gid}`);
  await expect(member.getByRole("region", { name: "Arkiv" }).getByRole("link", { name: title })).toBeVisible();
  await expect(member.getByRole("button", { name: `Gjenopprett «${title}»` })).toHaveCount(0);
  await memberContext.close();

  // Marte restores it from the archive list.
  await page.goto(`/f/ostfold/groups/${gid}`);
  await archive.getByRole("button", { name: `Gjenopprett «${title}»` }).click();
  await expect(archive.getByRole("status").filter({ hasText: `«${title}» er gjenopprettet.` })).toBeVisible();
  await expect(documents.getByRole("link", { name: title })).toBeVisible();
  await expect(archive.getByRole("link", { name: title })).toHaveCount(0);
  await page.goto(docUrl);
  await expect(page.locator(".page-header .eyebrow")).toContainText("Utkast");
});
