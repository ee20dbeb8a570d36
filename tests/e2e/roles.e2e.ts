import { expect, test } from "@playwright/test";
import { demo, DEMO_PASSWORD, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

test.describe("sign-in", () => {
  test("a wrong password and an unknown e-mail show the same generic message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-post").fill(demo.relevantMember);
    await page.getByLabel(/^Passord/).fill("feil-passord");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Feil e-post eller passord." })).toBeVisible();

    await page.getByLabel("E-post").fill("finnes.ikke@samrad.example");
    await page.getByLabel(/^Passord/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Feil e-post eller passord." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, demo.relevantLead);
    await page.getByRole("button", { name: "Logg ut" }).click();
    await expect(page.getByText("Du er logget ut.")).toBeVisible();
    await page.goto("/f/ostfold");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ff%2Fostfold/);
  });

  test("the sign-in page can be switched to English", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Norsk bokmål" }).click();
    await expect(page.getByRole("heading", { name: "Logg inn" })).toBeVisible();
  });
});

test.describe("each demo role sees its own screens", () => {
  test("administrator: administration is available", async ({ page }) => {
    await signIn(page, demo.admin);
    await expect(page.getByText("Din rolle i forumet: Administrator")).toBeVisible();
    await page.getByRole("navigation", { name: "Navigasjon i forumet" }).getByRole("link", { name: "Administrasjon" }).click();
    await expect(page.getByRole("heading", { name: "Administrasjon", level: 1 })).toBeVisible();
    await expect(page.getByRole("table")).toContainText("Kompetansegruppe relevant kompetanse");
  });

  test("project leader: the project group is theirs, administration is not", async ({ page }) => {
    await signIn(page, demo.projectLeader);
    await expect(page.getByText("Din rolle i forumet: Prosjektleder")).toBeVisible();
    const mine = page.getByRole("region", { name: "Mine grupper" });
    await expect(mine.getByRole("link", { name: "Prosjektgruppen" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Administrasjon" })).toHaveCount(0);
  });

  test("steering member: the steering group is theirs; competence groups are readable", async ({ page }) => {
    await signIn(page, demo.steering);
    await expect(page.getByRole("region", { name: "Mine grupper" }).getByRole("link", { name: "Styringsgruppen" })).toBeVisible();
    await page.getByRole("link", { name: "Kompetansegruppe livslang læring" }).first().click();
    await expect(page.getByRole("heading", { name: "Kompetansegruppe livslang læring", level: 1 })).toBeVisible();
    await expect(page.getByText("Du kan lese gruppens innhold.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /moduler i fagskolen/ })).toBeVisible();
  });

  test("competence member: sees their group, and is refused another group's admin actions", async ({ page }) => {
    await signIn(page, demo.relevantMember);
    await expect(page.getByRole("region", { name: "Mine grupper" }).getByRole("link", { name: "Kompetansegruppe relevant kompetanse" })).toBeVisible();
    await page.getByRole("region", { name: "Mine grupper" }).getByRole("link").first().click();
    await expect(page.getByText("Du er medlem av denne gruppen.")).toBeVisible();
    await expect(page.getByRole("list").filter({ hasText: "Ole Johansen" })).toBeVisible();

    const adminPage = await page.goto("/f/ostfold/admin");
    expect(adminPage?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();

    const groupsRes = await page.request.get("/api/forums/ostfold/groups/does-not-matter");
    expect(groupsRes.status()).toBe(404);
    // Another group's member list: the browser's own session, our own origin, still 403.
    await page.goto("/f/ostfold");
    const otherGroupHref = await page.getByRole("link", { name: "Kompetansegruppe inkludering" }).first().getAttribute("href");
    const otherGroupId = otherGroupHref!.split("/").pop();
    const status = await page.evaluate(async (id) => {
      const res = await fetch(`/api/forums/ostfold/groups/${id}/members`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: "abcdefgh12345678" }),
      });
      return res.status;
    }, otherGroupId);
    expect(status).toBe(403);
    expect((await page.goto(`/f/ostfold/admin/groups/${otherGroupId}`))?.status()).toBe(403);
  });
});

test("administrator creates a user and adds them to a group; the new member then sees the group", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  await admin.goto("/f/ostfold/admin/users");
  const email = `ny.deltaker.${Date.now()}@samrad.example`;
  const form = admin.getByRole("form", { name: "Ny bruker" });
  await form.getByLabel("Fullt navn").fill("Nora Nyberg");
  await form.getByLabel("E-post").fill(email);
  await form.getByRole("button", { name: "Opprett bruker" }).click();
  const oneTime = (await admin.getByTestId("one-time-password").first().textContent())!.trim();
  expect(oneTime).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);

  await admin.goto("/f/ostfold/admin");
  await admin.getByRole("link", { name: "Kompetansegruppe inkludering" }).click();
  const addForm = admin.getByRole("form", { name: "Legg til medlem" });
  await addForm.getByLabel("Person").selectOption({ label: `Nora Nyberg (${email})` });
  await addForm.getByRole("button", { name: "Legg til" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Nora Nyberg er lagt til i gruppen." })).toBeVisible();
  await expect(admin.getByRole("table")).toContainText("Nora Nyberg");

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, email, oneTime, /\/account\?mustChange=1$/);
  await expect(member.getByText("Du logget inn med et engangspassord.")).toBeVisible();
  await expectNoSeriousA11yViolations(member);
  // Until the one-time password is replaced, the forum is out of reach.
  await member.goto("/f/ostfold");
  await expect(member).toHaveURL(/\/account\?mustChange=1$/);
  await member.getByLabel("Nåværende passord").fill(oneTime);
  await member.getByLabel(/^Nytt passord/).fill("Nora sitt eget lange passord");
  await member.getByLabel("Gjenta nytt passord").fill("Nora sitt eget lange passord");
  await member.getByRole("button", { name: "Bytt passord" }).click();
  await expect(member).toHaveURL(/\/f\/ostfold$/);
  await expect(member.getByRole("region", { name: "Mine grupper" }).getByRole("link", { name: "Kompetansegruppe inkludering" })).toBeVisible();

  // The administrator removes her again; she loses the group.
  admin.once("dialog", (d) => d.accept());
  await admin.getByRole("button", { name: "Fjern Nora Nyberg fra gruppen" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Nora Nyberg er fjernet fra gruppen." })).toBeVisible();
  await member.reload();
  await expect(member.getByText("Du er ikke medlem av noen gruppe i dette forumet.")).toBeVisible();
  await adminContext.close();
  await memberContext.close();
});

test("a user changes their language to English", async ({ page }) => {
  await signIn(page, demo.lifelongMember);
  await page.getByRole("link", { name: "Min konto" }).click();
  await page.getByRole("form", { name: "Profil" }).getByLabel("Språk").selectOption("en");
  await page.getByRole("form", { name: "Profil" }).getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
  await page.goto("/f/ostfold");
  await expect(page.getByRole("heading", { name: "My groups" })).toBeVisible();
  await page.getByRole("link", { name: "My account" }).click();
  await page.getByRole("form", { name: "Profile" }).getByLabel("Language").selectOption("nb");
  await page.getByRole("form", { name: "Profile" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Min konto" })).toBeVisible();
});
