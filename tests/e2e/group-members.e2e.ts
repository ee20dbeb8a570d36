import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, signIn } from "./support/fixtures";
import { checkAtBothWidths } from "./support/shots";

async function groupId(page: Page, name: string) {
  await page.goto("/f/ostfold");
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

test("a group's lead adds a forum member, who then sees the group; the lead cannot leave it leaderless or manage another group", async ({ browser, page }) => {
  await signIn(page, demo.relevantLead);
  const otherGroup = await groupId(page, "Kompetansegruppe inkludering");
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: "Administrer medlemmer" }).click();
  await expect(page.getByRole("heading", { name: "Medlemmer", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Medlemmer – Kompetansegruppe relevant kompetanse/);
  await checkAtBothWidths(page, "group-members");

  const addForm = page.getByRole("form", { name: "Legg til medlem" });
  await addForm.getByLabel("Person").selectOption({ label: "Jonas Dahl (livslang2@samrad.example)" });
  await addForm.getByRole("button", { name: "Legg til" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jonas Dahl er lagt til i gruppen." })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Jonas Dahl");

  // Jonas now has the group among his own.
  const jonasContext = await browser.newContext();
  const jonas = await jonasContext.newPage();
  await signIn(jonas, "livslang2@samrad.example", DEMO_PASSWORD);
  await expect(jonas.getByRole("region", { name: "Mine grupper" }).getByRole("link", { name: "Kompetansegruppe relevant kompetanse" })).toBeVisible();
  await jonasContext.close();

  // Marte is the group's only lead: stepping down is refused and the select shows her role again.
  const own = page.getByLabel("Rolle for Marte Nilsen");
  await own.selectOption({ label: "Medlem" });
  await expect(page.getByRole("alert").filter({ hasText: "Gruppen må ha minst én leder." })).toBeVisible();
  await expect(own).toHaveValue("LEAD");

  // Another group's members are not hers to manage.
  const refused = await page.goto(`/f/ostfold/groups/${otherGroup}/members`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Ingen tilgang", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Ingen tilgang · Samråd");

  // Put things back: Jonas leaves the group again.
  await page.goBack();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Fjern Jonas Dahl fra gruppen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jonas Dahl er fjernet fra gruppen." })).toBeVisible();
  await expect(page.getByRole("table")).not.toContainText("Jonas Dahl");
});

test("a plain member has no members screen (403) and no link to it", async ({ page }) => {
  await signIn(page, demo.relevantMember);
  const gid = await groupId(page, "Kompetansegruppe relevant kompetanse");
  await page.goto(`/f/ostfold/groups/${gid}`);
  await expect(page.getByText("Du er medlem av denne gruppen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Administrer medlemmer" })).toHaveCount(0);
  expect((await page.goto(`/f/ostfold/groups/${gid}/members`))?.status()).toBe(403);
});
