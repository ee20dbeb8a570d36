import { expect, test } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

test("the project leader assigns an action; the member sees it live on Mine tiltak, marks it done, and the overview follows", async ({ browser }) => {
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, demo.lifelongMember);
  await member.getByRole("navigation", { name: "Navigasjon i forumet" }).getByRole("link", { name: "Mine tiltak" }).click();
  await expect(member.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  await expectNoSeriousA11yViolations(member);

  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signIn(leader, demo.projectLeader);
  await leader.getByRole("link", { name: "Kompetansegruppe livslang læring" }).first().click();
  await leader.getByRole("link", { name: "Tiltak", exact: true }).click();
  await expect(leader.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  const form = leader.getByRole("form", { name: "Nytt tiltak" });
  await form.getByLabel("Tittel").fill("Ringe tre arbeidsgivere om kveldskurs");
  await form.getByLabel("Eier").selectOption({ label: "Jonas Dahl" });
  await form.getByLabel("Frist").fill("2030-01-15");
  await form.getByRole("button", { name: "Opprett tiltak" }).click();
  await expect(form.getByRole("status")).toHaveText("Tiltaket «Ringe tre arbeidsgivere om kveldskurs» er opprettet.");
  await expectNoSeriousA11yViolations(leader);

  // Without reloading, the member's list now has it.
  const card = member.getByTestId("action-card").filter({ hasText: "Ringe tre arbeidsgivere om kveldskurs" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("owner")).toHaveText("Jonas Dahl");

  // The leader watches the overview while the member closes the item.
  await leader.getByRole("navigation", { name: "Navigasjon i forumet" }).getByRole("link", { name: "Tiltaksoversikt" }).click();
  await expect(leader.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  const overviewCard = leader.getByTestId("action-card").filter({ hasText: "Ringe tre arbeidsgivere om kveldskurs" });
  await expect(overviewCard).toContainText("Åpen");
  await card.getByRole("button", { name: "Ferdig: «Ringe tre arbeidsgivere om kveldskurs»" }).click();
  await expect(card).toContainText("Ferdig");
  await expect(overviewCard).toContainText("Ferdig");
  await expectNoSeriousA11yViolations(leader);

  // Filters work on the live list.
  const filters = leader.getByRole("region", { name: "Filter" });
  await filters.getByLabel("Status").selectOption({ label: "Ferdig" });
  await expect(overviewCard).toBeVisible();
  await filters.getByLabel("Status").selectOption({ label: "Åpen" });
  await expect(overviewCard).toHaveCount(0);

  // The member was told, in the app.
  await member.goto("/f/ostfold/notifications");
  // The line says who did it (the notice keeps its actor).
  await expect(member.getByRole("link", { name: /^Lars Haugen satte deg som eier av «Ringe tre arbeidsgivere om kveldskurs»/ })).toBeVisible();
  await expectNoSeriousA11yViolations(member);

  await memberContext.close();
  await leaderContext.close();
});

test("an action made from a paragraph shows its marker there, links back to it, and says so when the paragraph is deleted", async ({ page }) => {
  await signIn(page, demo.relevantLead);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: "Anbefaling: flere læreplasser i helsearbeiderfaget" }).click();
  const editor = page.getByRole("textbox", { name: "Dokumenttekst" });
  await editor.getByText("Bakgrunn: Søkertallene").click();
  await page.getByRole("button", { name: "Lag tiltak fra dette avsnittet" }).click();
  const form = page.getByRole("form", { name: "Nytt tiltak fra avsnittet" });
  await expect(form.getByLabel("Tittel")).toHaveValue(/^Bakgrunn: Søkertallene/);
  await form.getByLabel("Tittel").fill("Undersøke hvorfor elever uten læreplass faller fra");
  await form.getByLabel("Eier").selectOption({ label: "Ole Johansen" });
  await form.getByRole("button", { name: "Opprett tiltak" }).click();

  const paragraph = editor.locator("p", { hasText: "Bakgrunn: Søkertallene" });
  const marker = paragraph.locator(".anchor-marker");
  await expect(marker).toHaveText("Ole Johansen, Åpen");
  await expectNoSeriousA11yViolations(page);

  await marker.click();
  const card = page.getByTestId("action-card").filter({ hasText: "Undersøke hvorfor elever uten læreplass faller fra" });
  await expect(card).toBeVisible();
  await card.getByRole("link", { name: "Avsnitt i «Anbefaling: flere læreplasser i helsearbeiderfaget»" }).click();
  await expect(page).toHaveURL(/#block-/);
  await expect(page.locator(".block-highlight")).toContainText("Bakgrunn: Søkertallene");

  // Delete the paragraph: the action stays and says its anchor is gone.
  const target = page.getByRole("textbox", { name: "Dokumenttekst" }).locator("p", { hasText: "Bakgrunn: Søkertallene" });
  await target.click({ clickCount: 3 });
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect(page.getByRole("textbox", { name: "Dokumenttekst" })).not.toContainText("Bakgrunn: Søkertallene");
  await page.goto(page.url().replace(/\/documents\/.*$/, "/actions"));
  await expect(page.getByTestId("action-card").filter({ hasText: "Undersøke hvorfor elever uten læreplass faller fra" }))
    .toContainText("Avsnittet tiltaket var knyttet til, finnes ikke lenger i «Anbefaling: flere læreplasser i helsearbeiderfaget».");
  await expectNoSeriousA11yViolations(page);
});

test("an action someone else closes shows as done in the document editor, without a reload", async ({ browser }) => {
  // The board room carries open items, and the ones closed while it is loaded: the editor's markers hear of both.
  const title = `Lukkes av en annen ${Date.now()}`;
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, demo.relevantLead);
  await lead.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await lead.getByRole("link", { name: "Anbefaling: flere læreplasser i helsearbeiderfaget" }).click();
  const editor = lead.getByRole("textbox", { name: "Dokumenttekst" });
  await editor.locator("p").first().click();
  await lead.getByRole("button", { name: "Lag tiltak fra dette avsnittet" }).click();
  const form = lead.getByRole("form", { name: "Nytt tiltak fra avsnittet" });
  await form.getByLabel("Tittel").fill(title);
  await form.getByLabel("Eier").selectOption({ label: "Ole Johansen" });
  await form.getByRole("button", { name: "Opprett tiltak" }).click();
  const openMarker = editor.getByRole("link", { name: `Tiltak: ${title} – Ole Johansen, Åpen` });
  await expect(openMarker).toBeVisible();
  // Reloaded: the item is now one the page was rendered with, not one added live.
  await lead.reload();
  await expect(openMarker).toBeVisible();
  const href = (await openMarker.getAttribute("href"))!;

  // The project leader closes it from the action's own page.
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, demo.projectLeader);
  await leader.goto(href);
  await leader.getByRole("button", { name: `Ferdig: «${title}»` }).click();
  await expect(leader.getByRole("button", { name: `Åpne igjen: «${title}»` })).toBeVisible();

  const doneMarker = editor.getByRole("link", { name: `Tiltak: ${title} – Ole Johansen, Ferdig` });
  await expect(doneMarker).toBeVisible();
  await expect(doneMarker).toHaveClass(/anchor-marker--done/);
  await expect(openMarker).toHaveCount(0);
  await leader.context().close();
  await lead.context().close();
});
