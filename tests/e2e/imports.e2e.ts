import { expect, test } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

// Import of figures through the screen: choose group and source, upload, map columns with selects,
// see every row's problems, upload a corrected file, import, see the result and undo the batch.
// axe-clean (no serious or critical violation) at every step. The demo forum's regions (Østfold's
// municipalities) are what the rows name.

const stamp = Date.now().toString(36);
const header = "Yrke;Kommune;Periode;Behov;Tilbud;Enhet;Merknad";
const rows = [
  `Helsefagarbeider ${stamp};Fredrikstad;2026;120;85;personer;Eksempeltall`,
  `Sykepleier ${stamp};Sarpsborg;2026;64;41;årsverk;Eksempeltall`,
  `Elektriker ${stamp};3103;2026;38;29;læreplasser;Eksempeltall`,
];
const csv = (lines: string[]) => Buffer.from(`\uFEFF${[header, ...lines].join("\r\n")}\r\n`, "utf8");

test("a group member imports a CSV through the screen, sees the problems, imports the corrected file and undoes it", async ({ page }) => {
  await signIn(page, demo.relevantLead);
  await page.goto("/f/ostfold/needs/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importer tall" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // 1. Group, source and a file with a problem in row 3.
  await page.getByLabel("Gruppe som eier behovene").selectOption({ label: "Kompetansegruppe relevant kompetanse" });
  await page.getByLabel(/^Kildens navn/).fill(`Arbeidsgiverundersøkelsen ${stamp}`);
  await page.getByLabel(/^Fil \(CSV eller XLSX\)/).setInputFiles({ name: "mangel.csv", mimeType: "text/csv", buffer: csv([rows[0]!, rows[1]!.replace("Sarpsborg", "Viken"), rows[2]!]) });
  await page.getByRole("button", { name: "Last opp og vis forhåndsvisning" }).click();

  // 2. The columns, mapped by their headings (a guess, said so), each with a select.
  await expect(page.getByRole("heading", { name: "2. Koble kolonner" })).toBeFocused();
  await expect(page.getByText("Koblingen er gjettet ut fra kolonneoverskriftene")).toBeVisible();
  await expect(page.getByLabel("Importer kolonnen «Behov» som")).toHaveValue("demand");
  await expect(page.getByLabel("Importer kolonnen «Kommune» som")).toHaveValue("region");

  // 3. The preview lists the row and its problem in words; nothing can be imported yet.
  const problems = page.getByRole("table", { name: "Problemer i fila" }).first();
  await expect(problems.getByRole("row", { name: /3 Kommune «Viken» er ikke en region i forumet/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Importer 3 rader" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  // The corrected file, and a change of mapping: "Merknad" becomes the notes.
  await page.getByLabel(/^Fil \(CSV eller XLSX\)/).setInputFiles({ name: "mangel.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "Last opp og vis forhåndsvisning" }).click();
  await expect(page.getByText("Ingen problemer: alle radene kan importeres.")).toBeVisible();
  await page.getByLabel("Importer kolonnen «Merknad» som").selectOption({ label: "Merknader" });
  await expect(page.getByText("Oppdater forhåndsvisningen før du importerer.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Importer 3 rader" })).toBeDisabled();
  await page.getByRole("button", { name: "Oppdater forhåndsvisningen" }).click();
  await expect(page.getByText("3 rader: 3 nye behov og 0 oppdateringer av behov som finnes fra før.")).toBeVisible();
  const firstRows = page.getByRole("table", { name: "De første radene slik de blir lagret" });
  await expect(firstRows.getByRole("row", { name: new RegExp(`Elektriker ${stamp} – Moss Moss 2026 38 29 Læreplasser`) })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // 4. Import: progress, then the result, announced and focused.
  await page.getByRole("button", { name: "Importer 3 rader" }).click();
  await expect(page.getByRole("heading", { name: "4. Resultat" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Importen er ferdig: 3 nye behov og 0 oppdatert." })).toBeAttached();
  await expect(page).toHaveTitle(/Importer tall/);
  await expectNoSeriousA11yViolations(page);

  // The batch is in the list of imports, with an Undo button (confirmed first).
  const batches = page.getByRole("table", { name: "Importer" });
  const row = batches.getByRole("row").filter({ hasText: `Arbeidsgiverundersøkelsen ${stamp}` });
  await expect(row).toContainText("mangel.csv");
  await expect(row).toContainText("Marte Nilsen");
  await expect(row).toContainText("Gjeldende");
  await row.getByRole("button", { name: "Angre importen av «mangel.csv»" }).click();
  await expect(row.getByText("3 behov slettes")).toBeVisible();
  await expect(row.getByRole("button", { name: "Ja, angre importen" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await row.getByRole("button", { name: "Ja, angre importen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importen av «mangel.csv» er angret." })).toBeVisible();
  await expect(row).toContainText(/Angret .* av Marte Nilsen/);
  // The list came back through a refresh of the page's server data: its <title> is streamed again with it.
  await expect(page).toHaveTitle(/Importer tall/);
  await expectNoSeriousA11yViolations(page);
});

test("a steering member sees the imports and may import only into the steering group", async ({ page }) => {
  await signIn(page, demo.steering);
  await page.goto("/f/ostfold/needs/import");
  await expect(page.getByText("Du arbeider ikke i noen gruppe")).toBeHidden();
  // The steering member works in the steering group only: the form offers that group, and no other.
  const groups = await page.getByLabel("Gruppe som eier behovene").locator("option").allTextContents();
  expect(groups).not.toContain("Kompetansegruppe relevant kompetanse");
  await expect(page.getByRole("heading", { name: "Importer", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
