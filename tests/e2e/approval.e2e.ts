import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

// The steering group's decision, as the people involved do it, each in their own browser.

async function asUser(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("a recommendation goes to the steering group, three members vote live, the lead approves, and the forum sees the approved version", async ({ browser }) => {
  test.setTimeout(120_000);
  // A member writes a recommendation and sends it for a decision.
  const member = await asUser(browser, demo.relevantLead);
  await member.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  const form = member.getByRole("form", { name: "Nytt dokument" });
  const title = `Anbefaling: lærlingløft ${Date.now()}`;
  await form.getByLabel("Tittel").fill(title);
  await form.getByRole("button", { name: "Opprett dokument" }).click();
  const editor = member.getByRole("textbox", { name: "Dokumenttekst" });
  await expect(member.getByTestId("sync-status")).toHaveAttribute("data-status", "saved");
  await editor.click();
  await member.keyboard.press("Control+End");
  await member.keyboard.press("Enter");
  await member.keyboard.type("Fylket og kommunene tar inn tjue flere lærlinger i året.");
  await expect(member.getByTestId("sync-status")).toHaveAttribute("data-status", "saved");
  const panel = member.getByTestId("approval-panel");
  await panel.getByLabel("Følgebrev").fill("Vi ber om vedtak i neste møte.");
  await panel.getByLabel("Ønsket vedtaksdato").fill("2030-03-01");
  await panel.getByRole("button", { name: "Send til behandling" }).click();
  await expect(panel.getByTestId("open-request")).toContainText("Til behandling: versjon 1");
  await expectNoSeriousA11yViolations(member);
  const url = member.url();

  // Three steering members open it; each sees the others' votes arrive without reloading.
  const lead = await asUser(browser, demo.steering);
  const second = await asUser(browser, "styring2@samrad.example");
  const third = await asUser(browser, "styring3@samrad.example");
  await lead.goto("/f/ostfold/approvals");
  await expect(lead.getByTestId("queue-item").filter({ hasText: title })).toContainText("Du har ikke stemt");
  await expectNoSeriousA11yViolations(lead);
  await lead.screenshot({ path: "test-results/approval-queue.png", fullPage: true });
  for (const p of [lead, second, third]) {
    await p.goto(url);
    await expect(p.getByTestId("approval-live")).toHaveAttribute("data-live", "true");
  }
  const voteAs = async (p: Page, choice: string, reason = "") => {
    const votePanel = p.getByTestId("approval-panel").getByRole("form", { name: "Din stemme" });
    await votePanel.getByRole("radio", { name: choice }).check();
    if (reason) await votePanel.getByLabel("Begrunnelse").fill(reason);
    await votePanel.getByRole("button", { name: /Avgi stemme|Endre stemmen/ }).click();
  };
  await voteAs(second, "Godkjenn");
  await expect(lead.getByTestId("votes")).toContainText("Knut Andersen: Godkjenn");
  await expect(third.getByTestId("votes")).toContainText("Knut Andersen: Godkjenn");
  // By keyboard: the third member picks a choice with the arrow keys and submits with Enter.
  const thirdForm = third.getByTestId("approval-panel").getByRole("form", { name: "Din stemme" });
  await thirdForm.getByRole("radio", { name: "Godkjenn" }).focus();
  await third.keyboard.press("Space");
  await third.keyboard.press("Tab");
  await third.keyboard.press("Tab");
  await third.keyboard.press("Enter");
  await expect(second.getByTestId("votes")).toContainText("Fatima Rahman: Godkjenn");
  await voteAs(lead, "Godkjenn");
  await expect(second.getByTestId("tally")).toContainText("3 av 3 har stemt");
  await expectNoSeriousA11yViolations(lead);
  await lead.getByTestId("approval-panel").screenshot({ path: "test-results/approval-open-request.png" });

  // The lead records the decision.
  const close = lead.getByTestId("approval-panel").getByRole("form", { name: "Registrer vedtak" });
  await close.getByLabel("Vedtak", { exact: true }).selectOption({ label: "Godkjent" });
  await close.getByLabel("Vedtakstekst").fill("Styringsgruppen slutter seg til anbefalingen.");
  await close.getByRole("button", { name: "Registrer vedtaket" }).click();
  await expect(lead.getByTestId("approved-version")).toBeVisible();
  const hash = (await lead.getByTestId("approved-hash").textContent())!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  // A member of another group sees the approved version, with the same hash, read-only.
  const other = await asUser(browser, demo.lifelongMember);
  await other.goto(url);
  await expect(other.getByTestId("approved-hash")).toHaveText(hash);
  await other.getByText("Vis den godkjente teksten").click();
  await expect(other.getByTestId("approved-version")).toContainText("Fylket og kommunene tar inn tjue flere lærlinger i året.");
  await expect(other.getByTestId("changed-since")).toHaveText("Utkastet er likt den godkjente versjonen.");
  await expectNoSeriousA11yViolations(other);
  await other.screenshot({ path: "test-results/approval-approved.png", fullPage: true });

  // The decision record downloads as a PDF holding the same hash and the votes.
  const [download] = await Promise.all([other.waitForEvent("download"), other.getByRole("link", { name: "Last ned protokollen (PDF)" }).first().click()]);
  const { text } = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
  const flat = text.replace(/\s+/g, "");
  expect(flat).toContain(hash);
  for (const name of ["Ingrid Solberg", "Knut Andersen", "Fatima Rahman"]) expect(text).toContain(name);

  // The draft moves on: the page says so.
  await member.reload();
  await member.getByRole("textbox", { name: "Dokumenttekst" }).click();
  await member.keyboard.press("Control+End");
  await member.keyboard.type(" Gjelder fra 2027.");
  await expect(member.getByTestId("sync-status")).toHaveAttribute("data-status", "saved");
  await other.reload();
  await expect(other.getByTestId("changed-since")).toHaveText("Endret siden godkjenning");
  await other.getByText("Vis endringene siden godkjenning").click();
  await expect(other.getByTestId("approval-diff").locator(".diff-ins")).toContainText("Gjelder fra 2027.");
  await expectNoSeriousA11yViolations(other);

  // Sent again: the steering group's queue shows what the new version changes against the approved one.
  await member.reload();
  await member.getByTestId("approval-panel").getByRole("button", { name: "Send til behandling" }).click();
  await expect(member.getByTestId("open-request")).toContainText("Til behandling: versjon 2");
  await lead.goto("/f/ostfold/approvals");
  const item = lead.getByTestId("queue-item").filter({ hasText: title });
  await item.getByText("Vis endringene mot den sist godkjente versjonen").click();
  await expect(item.getByTestId("queue-diff").locator(".diff-ins")).toContainText("Gjelder fra 2027.");
  await expectNoSeriousA11yViolations(lead);
});
