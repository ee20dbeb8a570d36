import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

const SHOTS = "test-results/views";
mkdirSync(SHOTS, { recursive: true });
const RELEVANT = "Kompetansegruppe relevant kompetanse";
const LIFELONG = "Kompetansegruppe livslang læring";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** A group's id, read from the overview's group filter (its options carry the ids). */
async function groupIdOf(page: Page, name: string): Promise<string> {
  await page.goto("/f/ostfold/actions");
  return (await page.locator("#filter-group option", { hasText: name }).getAttribute("value"))!;
}

/** Creates an action through the API as the page's user (the same route the form uses). */
async function createAction(page: Page, groupId: string, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await page.request.post(`/api/forums/ostfold/groups/${groupId}/actions`, { headers: { origin: new URL(page.url()).origin }, data: body });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { item: { id: string; version: number } }).item;
}

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);
const boardCard = (page: Page, title: string) => page.getByTestId("board-card").filter({ hasText: title });

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("drag an action between status columns with the mouse and another with the keyboard; both persist and others see them live", async ({ browser }) => {
  const leader = await signedInPage(browser, demo.projectLeader);
  const groupId = await groupIdOf(leader, RELEVANT);
  const stamp = Date.now();
  const byMouse = `Tavle mus ${stamp}`;
  const byKeys = `Tavle tastatur ${stamp}`;
  await createAction(leader, groupId, { title: byMouse });
  await createAction(leader, groupId, { title: byKeys });

  // Someone from another group watches the overview's board: they see the items but cannot move them.
  const other = await signedInPage(browser, demo.lifelongMember);
  await other.goto("/f/ostfold/actions?view=board");
  await expect(other.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  await expect(column(other, "OPEN").getByTestId("board-card").filter({ hasText: byMouse })).toBeVisible();
  await expect(boardCard(other, byMouse).getByRole("button", { name: /^Flytt/ })).toHaveCount(0);

  await leader.goto(`/f/ostfold/groups/${groupId}/actions?view=board`);
  await expect(leader.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  await expect(leader.getByRole("link", { name: "Tavle", exact: true })).toHaveAttribute("aria-current", "page");

  // Mouse: pick the card up and drop it on "Pågår". The page may scroll while a card is dragged near
  // an edge (aim at where the column is now, let go once it shows it would take the card), and a
  // live refresh of the board can land mid-drag and put the card back: then drag it again.
  const target = column(leader, "IN_PROGRESS");
  await expect(async () => {
    const card = boardCard(leader, byMouse);
    await card.evaluate((el) => el.scrollIntoView({ block: "center" }));
    const from = (await card.boundingBox())!;
    await leader.mouse.move(from.x + 20, from.y + from.height / 2);
    await leader.mouse.down();
    try {
      await leader.mouse.move(from.x + 40, from.y + from.height / 2, { steps: 4 });
      await expect(async () => {
        const to = (await target.boundingBox())!;
        await leader.mouse.move(to.x + to.width / 2, to.y + Math.min(60, to.height / 2), { steps: 5 });
        await expect(target).toHaveClass(/status-column--over/, { timeout: 500 });
      }).toPass({ timeout: 5_000 });
    } finally {
      await leader.mouse.up();
    }
    await expect(target.getByTestId("board-card").filter({ hasText: byMouse })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(column(other, "IN_PROGRESS").getByTestId("board-card").filter({ hasText: byMouse })).toBeVisible();

  // Keyboard: Space picks up, arrows choose the column, Escape cancels, Space drops.
  const handle = leader.getByRole("button", { name: `Flytt «${byKeys}», status Åpen` });
  await handle.focus();
  await leader.keyboard.press("Space");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`Du løftet «${byKeys}» fra kolonnen Åpen.`);
  await leader.keyboard.press("ArrowRight");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`«${byKeys}» er over kolonnen Pågår.`);
  await leader.keyboard.press("Escape");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`Flyttingen ble avbrutt. «${byKeys}» ligger fortsatt i Åpen.`);
  await expect(column(leader, "OPEN").getByTestId("board-card").filter({ hasText: byKeys })).toBeVisible();

  await handle.focus();
  await leader.keyboard.press("Space");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`Du løftet «${byKeys}»`);
  await leader.keyboard.press("ArrowRight");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`«${byKeys}» er over kolonnen Pågår.`);
  await leader.keyboard.press("ArrowRight");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`«${byKeys}» er over kolonnen Stoppet.`);
  await leader.keyboard.press("Space");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`«${byKeys}» ble flyttet til Stoppet.`);
  await expect(column(leader, "BLOCKED").getByTestId("board-card").filter({ hasText: byKeys })).toBeVisible();
  // Focus stays on the moved card, in its new column.
  await expect(leader.getByRole("button", { name: `Flytt «${byKeys}», status Stoppet` })).toBeFocused();
  await expect(column(other, "BLOCKED").getByTestId("board-card").filter({ hasText: byKeys })).toBeVisible();

  // Both were saved: a reload shows them where they were dropped.
  await leader.reload();
  await expect(column(leader, "IN_PROGRESS").getByTestId("board-card").filter({ hasText: byMouse })).toBeVisible();
  await expect(column(leader, "BLOCKED").getByTestId("board-card").filter({ hasText: byKeys })).toBeVisible();

  await expectNoSeriousA11yViolations(leader);
  await shoot(leader, "board-1280");
  await leader.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousA11yViolations(leader);
  // On a phone the columns scroll sideways and snap; each is most of the screen wide.
  const board = leader.getByTestId("status-board");
  expect(await board.evaluate((el) => getComputedStyle(el).scrollSnapType)).toContain("x");
  expect((await column(leader, "OPEN").boundingBox())!.width).toBeGreaterThan(250);
  await shoot(leader, "board-390");
  await leader.context().close();
  await other.context().close();
});

test("a stale drop is refused clearly and the card goes back", async ({ browser }) => {
  const leader = await signedInPage(browser, demo.projectLeader);
  const groupId = await groupIdOf(leader, RELEVANT);
  const title = `Tavle utdatert ${Date.now()}`;
  const item = await createAction(leader, groupId, { title });
  // The board's live rooms never answer, so it keeps the version it was drawn with while someone else changes the item.
  await leader.routeWebSocket(/\/collab\//, () => {});
  await leader.goto(`/f/ostfold/groups/${groupId}/actions?view=board`);
  await expect(boardCard(leader, title)).toBeVisible();
  const other = await signedInPage(browser, demo.relevantLead);
  const res = await other.request.patch(`/api/forums/ostfold/actions/${item.id}`, { headers: { origin: new URL(other.url()).origin }, data: { title: `${title} (endret)`, version: item.version } });
  expect(res.status()).toBe(200);
  await leader.getByRole("button", { name: `Flytt «${title}», status Åpen` }).focus();
  await leader.keyboard.press("Space");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`Du løftet «${title}»`);
  await leader.keyboard.press("ArrowRight");
  await expect(leader.locator("[id^=DndLiveRegion]")).toContainText(`«${title}» er over kolonnen Pågår.`);
  await leader.keyboard.press("Space");
  await expect(leader.getByTestId("board-error")).toHaveText(`«${title}» ble ikke flyttet: noen andre endret tiltaket i mellomtiden. Tavlen viser det slik det er lagret nå.`);
  await expect(column(leader, "OPEN").getByTestId("board-card").filter({ hasText: title })).toBeVisible();
  await leader.context().close();
  await other.context().close();
});

test("the overview's filters live in the URL: they survive a reload, and a bad parameter is ignored with a note", async ({ page }) => {
  await signIn(page, demo.projectLeader);
  await page.goto("/f/ostfold/actions");
  const filters = page.getByRole("region", { name: "Filter" });
  await filters.getByLabel("Status").selectOption({ label: "Stoppet" });
  await filters.getByLabel("Bare forfalte").check();
  await filters.getByLabel("Bare forfalte").uncheck();
  // The list is filtered on the server: wait until every change has landed (the list is no longer
  // busy) and the URL is the last one's, before reloading.
  await expect(page.getByTestId("action-items")).not.toHaveAttribute("aria-busy", "true");
  await expect(page).toHaveURL(/\/f\/ostfold\/actions\?status=BLOCKED$/);
  await page.reload();
  await expect(filters.getByLabel("Status")).toHaveValue("BLOCKED");
  const cards = page.getByTestId("action-card");
  await expect(cards.first()).toBeVisible();
  for (const text of await cards.allInnerTexts()) expect(text).toContain("Stoppet");

  await page.goto("/f/ostfold/actions?status=MAYBE&view=table&sort=nonsense&owner=none");
  await expect(page.getByTestId("invalid-query")).toHaveText("Noen deler av adressen ble ikke brukt fordi de ikke er gyldige: status, sortering.");
  await expect(page.getByTestId("action-table")).toBeVisible();
  await expect(filters.getByLabel("Eier")).toHaveValue("none");
  await expect(filters.getByLabel("Status")).toHaveValue("");
});

test("save a filtered view, open its link as someone else, and delete it", async ({ browser }) => {
  const leader = await signedInPage(browser, demo.projectLeader);
  const groupId = await groupIdOf(leader, LIFELONG);
  const filters = leader.getByRole("region", { name: "Filter" });
  await filters.getByLabel("Gruppe", { exact: true }).selectOption({ label: LIFELONG });
  await leader.getByRole("link", { name: "Tabell", exact: true }).click();
  await leader.getByRole("button", { name: "Sorter etter Frist" }).click();
  await expect(leader).toHaveURL(new RegExp(`/f/ostfold/actions\\?view=table&group=${groupId}&sort=due&dir=asc$`));
  const saved = leader.getByTestId("saved-views");
  const name = `Livslang etter frist ${Date.now()}`;
  await saved.getByLabel("Navn på visningen").fill(name);
  await saved.getByRole("button", { name: "Lagre visningen" }).click();
  await expect(saved.getByRole("status")).toHaveText(`Visningen «${name}» er lagret.`);
  const link = saved.getByRole("link", { name });
  await expect(link).toHaveAttribute("aria-current", "page");
  const href = (await link.getAttribute("href"))!;
  expect(href).toBe(`/f/ostfold/actions?view=table&group=${groupId}&sort=due&dir=asc`);
  await expectNoSeriousA11yViolations(leader);
  await shoot(leader, "saved-views-1280");

  // Another member opens the shared link: the same filters and view, over what they may read.
  const steering = await signedInPage(browser, demo.steering);
  await steering.goto(href);
  const theirFilters = steering.getByRole("region", { name: "Filter" });
  await expect(theirFilters.getByLabel("Gruppe", { exact: true })).toHaveValue(groupId);
  await expect(steering.getByRole("link", { name: "Tabell", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(steering.locator('th[aria-sort="ascending"]')).toHaveText(/Frist/);
  const rows = steering.getByTestId("action-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).not.toContain(RELEVANT);
  // It is the leader's view, not theirs.
  await expect(steering.getByTestId("saved-views").getByRole("link", { name })).toHaveCount(0);

  await leader.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousA11yViolations(leader);
  await saved.scrollIntoViewIfNeeded();
  await shoot(leader, "saved-views-390");
  await leader.setViewportSize({ width: 1280, height: 720 });
  await saved.getByRole("button", { name: `Slett visningen «${name}»` }).click();
  await expect(saved.getByRole("status")).toHaveText(`Visningen «${name}» er slettet.`);
  await leader.reload();
  await expect(saved.getByRole("link", { name })).toHaveCount(0);
  await leader.context().close();
  await steering.context().close();
});

test("a bulk status change on selected actions: what may change does, the rest is listed with the reason", async ({ browser }) => {
  const leader = await signedInPage(browser, demo.projectLeader);
  const relevant = await groupIdOf(leader, RELEVANT);
  const lifelong = await groupIdOf(leader, LIFELONG);
  const stamp = Date.now();
  const titles = [`Bulk en ${stamp}`, `Bulk to ${stamp}`, `Bulk annen gruppe ${stamp}`];
  await createAction(leader, relevant, { title: titles[0] });
  await createAction(leader, relevant, { title: titles[1] });
  await createAction(leader, lifelong, { title: titles[2] });
  await leader.context().close();

  // A member of the relevant group may change its items, not the other group's.
  const member = await signedInPage(browser, demo.relevantMember);
  // Closed items are hidden unless asked for ("Vis lukkede"): this test follows items as they close.
  await member.goto("/f/ostfold/actions?view=table&sort=title&closed=1");
  const table = member.getByTestId("action-table");
  for (const title of titles) await table.getByRole("checkbox", { name: `Velg «${title}»` }).check();
  const bar = member.getByTestId("bulk-bar");
  await expect(bar).toContainText("3 valgt");
  await bar.getByLabel("Ny status").selectOption({ label: "Ferdig" });
  await bar.getByRole("button", { name: "Endre 3 tiltak" }).click();
  await expect(bar.getByRole("status")).toContainText("2 av 3 tiltak endret.");
  await expect(bar.getByRole("status")).toContainText(`«${titles[2]}»: Du har ikke tilgang til dette.`);
  for (const title of titles.slice(0, 2)) await expect(table.getByTestId("action-row").filter({ hasText: title })).toContainText("Ferdig");
  await expect(table.getByTestId("action-row").filter({ hasText: titles[2] })).toContainText("Åpen");
  // The refused one stays selected.
  await expect(table.getByRole("checkbox", { name: `Velg «${titles[2]}»` })).toBeChecked();
  await expect(table.getByRole("checkbox", { name: `Velg «${titles[0]}»` })).not.toBeChecked();
  await expectNoSeriousA11yViolations(member);
  await shoot(member, "table-bulk-1280");

  // Saved: a reload shows the new status.
  await member.reload();
  for (const title of titles.slice(0, 2)) await expect(table.getByTestId("action-row").filter({ hasText: title })).toContainText("Ferdig");

  // "Select all shown" follows the filter.
  await member.getByRole("region", { name: "Filter" }).getByLabel("Status").selectOption({ label: "Ferdig" });
  // The server sends the filtered page: wait until it is the one shown.
  await expect(member).toHaveURL(/[?&]status=DONE/);
  await expect(table.getByTestId("action-row").filter({ hasNotText: "Ferdig" })).toHaveCount(0);
  const all = table.getByRole("checkbox", { name: /^Velg alle viste/ });
  await all.check();
  const shown = await table.getByTestId("action-row").count();
  await expect(bar).toContainText(`${shown} valgt`);
  await member.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousA11yViolations(member);
  await shoot(member, "table-bulk-390");
  await member.context().close();
});
