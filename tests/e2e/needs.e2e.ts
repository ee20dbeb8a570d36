import { expect, test } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

test("the needs register filters in the address; a member registers a need and links it to a recommendation and to an action", async ({ page }) => {
  await signIn(page, demo.relevantMember);
  await page.getByRole("navigation", { name: /forum/i }).getByRole("link", { name: "Behov" }).click();
  await expect(page.getByRole("heading", { name: "Kompetansebehov", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Kompetansebehov" });
  await expect(table.getByRole("link", { name: "Helsefagarbeidere i kommunene" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Filters are a plain GET form: the view is in the address and can be shared.
  const filters = page.getByRole("form", { name: "Filtrer behov" });
  await filters.getByLabel("Målområde").selectOption({ label: "Inkludering og integrering" });
  await filters.getByLabel("Periode").fill("2026");
  await filters.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/targetAreaId=[a-z0-9]+.*period=2026/);
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Språkpraksisplasser" }) });
  await expect(row).toContainText("Godkjent anbefaling");
  await expect(row.getByRole("cell").nth(4)).toHaveText("80 personer");
  await expect(table.getByRole("link", { name: "Sykepleiere" })).toHaveCount(0);

  // A new need in the member's group.
  await page.goto("/f/ostfold/needs/new");
  const form = page.getByRole("form", { name: "Nytt behov" });
  await form.getByLabel("Tittel").fill("Rørleggere i Halden");
  await form.getByLabel("Fagområde eller yrke").fill("Rørlegger");
  await form.getByLabel("Region").selectOption({ label: "Halden" });
  await form.getByLabel("Målområde").selectOption({ label: "Tilstrekkelig relevant kompetanse" });
  await form.getByLabel("Etterspørsel").fill("30");
  await form.getByLabel("Tilbud").fill("12");
  await form.getByLabel("Periode").fill("2026-H3");
  await form.getByRole("button", { name: "Registrer behovet" }).click();
  await expect(form.getByText("må være et år (2026) eller et halvår (2026-H1)")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await form.getByLabel("Periode").fill("2026-H2");
  await form.getByRole("button", { name: "Registrer behovet" }).click();

  await expect(page.getByRole("heading", { name: "Rørleggere i Halden", level: 1 })).toBeVisible();
  await expect(page.getByText("30 etterspurt, 12 tilgjengelig: gap 18 personer")).toBeVisible();
  await expect(page.getByText("Udekket")).toBeVisible();

  // Linked to the group's draft recommendation and to its action in progress: covered by an action.
  const answers = page.getByRole("region", { name: "Dette svarer på behovet" });
  await answers.getByLabel("Knytt til en anbefaling").selectOption({ label: "Anbefaling: flere læreplasser i helsearbeiderfaget (Kompetansegruppe relevant kompetanse)" });
  await answers.getByRole("button", { name: "Knytt til" }).first().click();
  await expect(answers.getByRole("link", { name: "Anbefaling: flere læreplasser i helsearbeiderfaget" })).toBeVisible();
  await answers.getByLabel("Knytt til et tiltak").selectOption({ label: "Hente tall for læreplasser fra alle kommunene (Kompetansegruppe relevant kompetanse)" });
  await answers.getByRole("button", { name: "Knytt til" }).last().click();
  await expect(answers.getByRole("link", { name: "Hente tall for læreplasser fra alle kommunene" })).toBeVisible();
  await expect(page.locator(".page-header").getByText("Tiltak i gang")).toBeVisible();
  // The page also follows needs.changed: the links made it read itself again (changes within a short
  // pause are one refresh). axe looks once that has settled, not in the middle of a refresh.
  await expect(page.locator(".live-note")).toHaveText("Tallene er oppdatert");
  await page.waitForTimeout(800);
  await expect(page).toHaveTitle(/Rørleggere i Halden/);
  await expectNoSeriousA11yViolations(page);

  // The recommendation's side panel shows the need it answers.
  await answers.getByRole("link", { name: "Anbefaling: flere læreplasser i helsearbeiderfaget" }).click();
  const panel = page.getByRole("region", { name: "Behov som dette svarer på" });
  await expect(panel.getByRole("link", { name: "Rørleggere i Halden" })).toBeVisible();
  await expect(panel).toContainText("2026-H2 · Halden · Gap 18 personer");
});
