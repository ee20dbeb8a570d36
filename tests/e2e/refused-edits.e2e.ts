import { expect, test } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

const RECOMMENDATION = "Anbefaling: flere læreplasser i helsearbeiderfaget";
const REFUSED = "Skrevet etter at tilgangen ble fjernet.";
const NOTICE = "Endringene dine ble ikke lagret fordi du ikke lenger har skrivetilgang til dokumentet.";

test("text typed offline by a member who loses write access meanwhile is discarded, said so, and gone after a reload", async ({ browser, baseURL }) => {
  const ole = await browser.newContext();
  const page = await ole.newPage();
  await signIn(page, demo.relevantMember);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: RECOMMENDATION }).click();
  const editor = page.getByRole("textbox", { name: "Dokumenttekst" });
  const status = page.getByTestId("sync-status");
  await expect(status).toHaveAttribute("data-status", "saved");
  await expect(editor).not.toBeEmpty();
  const groupId = /\/groups\/([^/]+)\/documents\//.exec(page.url())![1]!;

  // Ole writes offline…
  await ole.setOffline(true);
  await expect(status).toHaveAttribute("data-status", "offline");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(REFUSED);
  await expect(editor).toContainText(REFUSED);

  // …while an administrator removes him from the group (he still reads the forum's documents).
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, demo.admin);
  const headers = { origin: baseURL! };
  const groupApi = `/api/forums/ostfold/groups/${groupId}`;
  const { group } = (await (await adminPage.request.get(groupApi, { headers })).json()) as { group: { members: { id: string; email: string }[] } };
  const oleId = group.members.find((m) => m.email === demo.relevantMember)!.id;
  expect((await adminPage.request.delete(`${groupApi}/members/${oleId}`, { headers })).status()).toBe(200);

  try {
    await ole.setOffline(false);
    // The server refuses the edit: the text goes, he is told why, and the status does not hang on "Lagrer …".
    await expect(editor).not.toContainText(REFUSED);
    await expect(editor).toContainText("Kommunene i regionen melder om mangel på helsefagarbeidere.");
    await expect(page.getByRole("status").filter({ hasText: NOTICE })).toBeVisible();
    await expect(status).toHaveAttribute("data-status", "readOnly");
    await expect(status).not.toHaveText(/Lagrer/);
    await expect(page.getByText("Du kan lese dokumentet, men ikke endre det.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The offline copy was cleared too: a reload brings nothing refused back (and nothing to discard).
    await page.reload();
    await expect(editor).toContainText("Kommunene i regionen melder om mangel på helsefagarbeidere.");
    await expect(status).toHaveAttribute("data-status", "readOnly");
    await expect(editor).not.toContainText(REFUSED);
    await expect(page.getByText(NOTICE)).toHaveCount(0);
  } finally {
    // Later tests expect Ole in the group.
    await adminPage.request.post(`${groupApi}/members`, { headers, data: { userId: oleId, role: "MEMBER" } });
    await admin.close();
    await ole.close();
  }
});
