import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

// The screens render from the abilities each item carries, so they show exactly the controls the
// server allows; and an edit form never overwrites someone else's newer save without asking.

async function asUser(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Calls our JSON API from a signed-in page (same origin, the page's cookies). */
async function apiCall<T>(page: Page, path: string, method: string, body?: unknown): Promise<{ status: number; data: T }> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const res = await fetch(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, data: await res.json() };
    },
    { path, method, body },
  );
}

async function groupId(page: Page, name: string): Promise<string> {
  await page.goto("/f/ostfold");
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

async function userId(page: Page, name: string): Promise<string> {
  // The board's owner select lists the forum's people by id.
  const option = page.getByRole("form", { name: "Nytt tiltak" }).getByLabel("Eier").locator("option", { hasText: name });
  return (await option.getAttribute("value"))!;
}

test("an owner outside the group gets exactly the status controls, on Mine tiltak, the board and the overview", async ({ browser }) => {
  const leader = await asUser(browser, demo.projectLeader);
  const relevant = await groupId(leader, "Kompetansegruppe relevant kompetanse");
  await leader.goto(`/f/ostfold/groups/${relevant}/actions`);
  const kari = await userId(leader, "Kari Moen");
  const ole = await userId(leader, "Ole Johansen");
  const hers = `Kartlegge språkkurs for lærlinger ${Date.now()}`;
  const notHers = `Invitere bransjeråd ${Date.now()}`;
  expect((await apiCall(leader, `/api/forums/ostfold/groups/${relevant}/actions`, "POST", { title: hers, ownerId: kari })).status).toBe(201);
  expect((await apiCall(leader, `/api/forums/ostfold/groups/${relevant}/actions`, "POST", { title: notHers, ownerId: ole })).status).toBe(201);

  // Kari Moen is in the inclusion group only.
  const owner = await asUser(browser, demo.inclusionMember);
  const expectOwnerControls = async (page: Page) => {
    const card = page.getByTestId("action-card").filter({ hasText: hers });
    await expect(card).toBeVisible();
    await expect(card.getByRole("button", { name: `Ferdig: «${hers}»` })).toBeVisible();
    await expect(card.getByRole("button", { name: `Endre «${hers}»` })).toHaveCount(0);
    return card;
  };

  await owner.goto("/f/ostfold/mine");
  await expect(owner.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  await expectOwnerControls(owner);
  await expectNoSeriousA11yViolations(owner);

  await owner.goto(`/f/ostfold/groups/${relevant}/actions`);
  await expect(owner.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  await expectOwnerControls(owner);
  const other = owner.getByTestId("action-card").filter({ hasText: notHers });
  await expect(other).toBeVisible();
  await expect(other.getByRole("button")).toHaveCount(0);
  await expect(owner.getByRole("form", { name: "Nytt tiltak" })).toHaveCount(0);
  // The responsibility matrix is read-only for her: no role selects anywhere.
  await expect(owner.getByRole("combobox", { name: new RegExp(`i «${hers}»`) })).toHaveCount(0);

  // With closed items shown ("Vis lukkede"): the item stays on the list when she closes it.
  await owner.goto("/f/ostfold/actions?closed=1");
  await expect(owner.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  const card = await expectOwnerControls(owner);
  await expect(owner.getByTestId("action-card").filter({ hasText: notHers }).getByRole("button")).toHaveCount(0);
  // The server allows what the screen offers.
  await card.getByRole("button", { name: `Ferdig: «${hers}»` }).click();
  await expect(card).toContainText("Ferdig");
  await expect(card.getByRole("button", { name: `Åpne igjen: «${hers}»` })).toBeVisible();
  await expectNoSeriousA11yViolations(owner);

  // And refuses what it does not offer: editing the title.
  const item = (await apiCall<{ items: { id: string; title: string; version: number }[] }>(owner, `/api/forums/ostfold/groups/${relevant}/actions`, "GET")).data.items.find((i) => i.title === hers)!;
  expect((await apiCall(owner, `/api/forums/ostfold/actions/${item.id}`, "PATCH", { title: "Kapret", version: item.version })).status).toBe(403);
});

test("a stale edit form shows what changed beside the user's own values and overwrites nothing", async ({ browser }) => {
  const leader = await asUser(browser, demo.projectLeader);
  const relevant = await groupId(leader, "Kompetansegruppe relevant kompetanse");
  await leader.goto(`/f/ostfold/groups/${relevant}/actions`);
  const ole = await userId(leader, "Ole Johansen");
  const marte = await userId(leader, "Marte Nilsen");
  const title = `Samle tall for fagbrev på jobb ${Date.now()}`;
  const created = await apiCall<{ item: { id: string; version: number } }>(leader, `/api/forums/ostfold/groups/${relevant}/actions`, "POST", { title, ownerId: ole });
  expect(created.status).toBe(201);

  // A member opens the edit form.
  const member = await asUser(browser, demo.relevantMember);
  await member.goto(`/f/ostfold/groups/${relevant}/actions`);
  await expect(member.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  const card = member.getByTestId("action-card").filter({ hasText: title });
  await card.getByRole("button", { name: `Endre «${title}»` }).click();
  const form = card.getByRole("form", { name: `Endre «${title}»` });
  await form.getByLabel("Beskrivelse").fill("Hent tall fra fylkets fagopplæringskontor.");

  // Meanwhile the project leader gives the item to Marte.
  expect((await apiCall(leader, `/api/forums/ostfold/actions/${created.data.item.id}`, "PATCH", { ownerId: marte, version: 1 })).status).toBe(200);
  await expect(card.getByTestId("owner")).toHaveText("Marte Nilsen");

  // The member saves: refused, and both sets of values are on screen.
  await form.getByRole("button", { name: "Lagre" }).click();
  const conflict = form.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Endret av noen andre.");
  const ownerRow = conflict.locator("tr[data-field=ownerId]");
  await expect(ownerRow.getByTestId("conflict-mine")).toHaveText("Ole Johansen");
  await expect(ownerRow.getByTestId("conflict-theirs")).toHaveText("Marte Nilsen");
  const descriptionRow = conflict.locator("tr[data-field=description]");
  await expect(descriptionRow.getByTestId("conflict-mine")).toHaveText("Hent tall fra fylkets fagopplæringskontor.");
  await expect(descriptionRow.getByTestId("conflict-theirs")).toHaveText("–");
  // The user's typing is still in the form.
  await expect(form.getByLabel("Beskrivelse")).toHaveValue("Hent tall fra fylkets fagopplæringskontor.");
  await expectNoSeriousA11yViolations(member);
  await form.screenshot({ path: "test-results/stale-form-conflict.png" });

  // Nothing was overwritten: the owner is still Marte.
  await expect(card.getByTestId("owner")).toHaveText("Marte Nilsen");

  // Take the saved values, keep the own description, save: both changes stand.
  await conflict.getByRole("button", { name: "Bruk de lagrede" }).click();
  await expect(form.getByTestId("conflict")).toHaveCount(0);
  await expect(form.getByLabel("Eier")).toHaveValue(marte);
  await form.getByLabel("Beskrivelse").fill("Hent tall fra fylkets fagopplæringskontor.");
  await form.getByRole("button", { name: "Lagre" }).click();
  await expect(card.getByTestId("owner")).toHaveText("Marte Nilsen");
  await expect(card).toContainText("Hent tall fra fylkets fagopplæringskontor.");
});
