import { testDatabase } from "../support/test-database.ts";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { buildOtherForum, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

// Issue #13, the single action and its responsibilities: the RACI matrix by keyboard, one model of
// owner and Accountable, Mine tiltak with A and R, the paragraph's create form as a dialog, the
// action's page (description, history, who may see it), and a new document's kind per group.

const DB_URL = testDatabase("e2e", { shared: true }).url;
const SHOTS = "test-results/item";
mkdirSync(SHOTS, { recursive: true });
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

let groups: Record<"relevant" | "project" | "steering", string>;
let people: Record<"marte" | "ole" | "jonas", string>;

test.beforeAll(async () => {
  const db = testDb(DB_URL);
  try {
    const group = async (name: string) => (await db.group.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
    const user = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
    groups = { relevant: await group("Kompetansegruppe relevant kompetanse"), project: await group("Prosjektgruppen"), steering: await group("Styringsgruppen") };
    people = { marte: await user(demo.relevantLead), ole: await user(demo.relevantMember), jonas: await user(demo.lifelongMember) };
  } finally {
    await db.$disconnect();
  }
});

type Item = { id: string; version: number; groupId: string };

/** A fresh action through the real API, as the signed-in user of `page`. */
async function createAction(page: Page, groupId: string, body: Record<string, unknown>): Promise<Item> {
  const res = await page.request.post(`/api/forums/ostfold/groups/${groupId}/actions`, { data: body });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { item: Item }).item;
}

test("RACI by keyboard: arrowing saves nothing and keeps focus; Enter saves; a second A asks to move it and does so in one step", async ({ page }) => {
  await signIn(page, demo.relevantLead);
  const title = `Tastatur-RACI ${Date.now().toString(36)}`;
  await createAction(page, groups.relevant, { title, ownerId: people.marte });
  const writes: string[] = [];
  page.on("request", (r) => {
    if (r.method() !== "GET" && /\/actions\/[^/]+\/(raci|accountable)$/.test(r.url())) writes.push(`${r.method()} ${r.url()}`);
  });
  await page.goto(`/f/ostfold/groups/${groups.relevant}/actions`);
  await expect(page.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  const matrix = page.getByRole("region", { name: "Ansvarsmatrise" }).first();
  const ole = page.getByLabel(`Rolle for Ole Johansen i «${title}»`);
  const marte = page.getByLabel(`Rolle for Marte Nilsen i «${title}»`);
  await expect(marte).toHaveValue("A");

  // Arrow through R, A and C: nothing is sent, the select stays enabled and keeps focus.
  await ole.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(ole).toHaveValue("C");
  await page.waitForTimeout(300);
  expect(writes).toEqual([]);
  await expect(ole).toBeFocused();
  await expect(ole).toBeEnabled();
  await expect(page.getByRole("button", { name: `Lagre rollen til Ole Johansen i «${title}»` })).toBeVisible();

  // Enter saves the chosen role; focus stays in the cell.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Lagret: Ole Johansen er Konsulteres (C) i «${title}».` })).toBeVisible();
  await expect(ole).toBeFocused();
  expect(writes).toHaveLength(1);

  // A second Accountable: a question, not an error. Escape keeps things as they were.
  await page.keyboard.press("ArrowUp");
  await expect(ole).toHaveValue("A");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Flytte ansvarlig (A) fra Marte Nilsen til Ole Johansen?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Marte Nilsen blir stående som utfører (R)");
  await expect(dialog).toContainText("Ole Johansen blir eier av tiltaket");
  await expect(dialog.getByRole("button", { name: "Flytt ansvaret" })).toBeFocused();
  await expect(page.getByText(/assignments:/)).toHaveCount(0);
  await page.setViewportSize(WIDE);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/raci-confirm-1280.png` });
  await page.setViewportSize(NARROW);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/raci-confirm-390.png` });
  await page.setViewportSize(WIDE);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(ole).toHaveValue("C");
  await expect(ole).toBeFocused();
  expect(writes).toHaveLength(1);

  // With the mouse: choose A, Lagre, confirm. One request moves A; the owner follows; Marte is R.
  await ole.selectOption("A");
  await page.getByRole("button", { name: `Lagre rollen til Ole Johansen i «${title}»` }).click();
  await dialog.getByRole("button", { name: "Flytt ansvaret" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Ole Johansen er nå ansvarlig (A) for «${title}»` })).toBeVisible();
  expect(writes).toHaveLength(2);
  expect(writes[1]).toMatch(/^POST .*\/accountable$/);
  await expect(marte).toHaveValue("R");
  await expect(ole).toHaveValue("A");
  await expect(ole).toBeFocused();
  const card = page.getByTestId("action-card").filter({ hasText: title });
  await expect(card.getByTestId("owner")).toHaveText("Ole Johansen");
  await expect(matrix).toBeVisible();
});

test("owner and Accountable are one: the form says so, and a new owner is the new A (the one before stays as R)", async ({ page }) => {
  await signIn(page, demo.relevantLead);
  const title = `Eier er A ${Date.now().toString(36)}`;
  await createAction(page, groups.relevant, { title, ownerId: people.marte });
  await page.goto(`/f/ostfold/groups/${groups.relevant}/actions`);
  await expect(page.getByTestId("board-live")).toHaveAttribute("data-live", "true");
  const card = page.getByTestId("action-card").filter({ hasText: title });
  await card.getByRole("button", { name: `Endre «${title}»` }).click();
  const form = page.getByRole("form", { name: `Endre «${title}»` });
  const owner = form.getByLabel("Eier");
  await expect(owner).toHaveAccessibleDescription(/Eieren er den som er ansvarlig \(A\)/);
  await owner.selectOption({ label: "Ole Johansen" });
  await form.getByRole("button", { name: "Lagre" }).click();
  await expect(card.getByTestId("owner")).toHaveText("Ole Johansen");
  await expect(page.getByLabel(`Rolle for Ole Johansen i «${title}»`)).toHaveValue("A");
  await expect(page.getByLabel(`Rolle for Marte Nilsen i «${title}»`)).toHaveValue("R");
});

test("Mine tiltak lists actions where the user is Accountable or Responsible, with the role on each card", async ({ browser }) => {
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signIn(leader, demo.projectLeader);
  const stamp = Date.now().toString(36);
  const asA = await createAction(leader, groups.project, { title: `Jonas er A ${stamp}` });
  const asR = await createAction(leader, groups.project, { title: `Jonas er R ${stamp}` });
  const put = (id: string, assignments: object[]) => leader.request.put(`/api/forums/ostfold/actions/${id}/raci`, { data: { assignments } });
  expect((await put(asA.id, [{ userId: people.jonas, role: "A" }])).status()).toBe(200);
  expect((await put(asR.id, [{ userId: people.marte, role: "A" }, { userId: people.jonas, role: "R" }])).status()).toBe(200);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demo.lifelongMember);
  await page.goto("/f/ostfold/mine");
  const list = page.getByRole("list", { name: "Mine tiltak" });
  const a = list.getByTestId("action-card").filter({ hasText: `Jonas er A ${stamp}` });
  const r = list.getByTestId("action-card").filter({ hasText: `Jonas er R ${stamp}` });
  await expect(a).toBeVisible();
  await expect(a.getByTestId("my-role")).toHaveText("Eier og ansvarlig (A)");
  await expect(r).toBeVisible();
  await expect(r.getByTestId("my-role")).toHaveText("Utfører (R)");
  await expect(list.getByTestId("action-card").filter({ hasText: "Spørre fagskolen om kapasitet til kveldsmoduler" }).getByTestId("my-role")).toHaveText("Eier og ansvarlig (A)");
  await page.setViewportSize(WIDE);
  await page.screenshot({ path: `${SHOTS}/mine-1280.png`, fullPage: true });
  await context.close();
  await leaderContext.close();
});

test("the paragraph's create form is a dialog: it opens in view with focus in its first field, Escape closes it, and creating says so where focus lands", async ({ page }) => {
  await page.setViewportSize(WIDE);
  await signIn(page, demo.relevantLead);
  await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().click();
  await page.getByRole("link", { name: "Kartlegging: kompetansebehov i industrien 2026" }).click();
  const editor = page.getByRole("textbox", { name: "Dokumenttekst" });
  await editor.getByText("Sammendrag av intervjuer").click();
  const opener = page.getByRole("button", { name: "Lag tiltak fra dette avsnittet" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Nytt tiltak fra avsnittet" });
  await expect(dialog).toBeVisible();
  const title = dialog.getByLabel("Tittel");
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/create-dialog-1280.png` });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.setViewportSize(NARROW);
  await editor.getByText("Sammendrag av intervjuer").click();
  await opener.click();
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/create-dialog-390.png` });
  const name = `Følge opp intervjuene ${Date.now().toString(36)}`;
  await title.fill(name);
  await dialog.getByRole("button", { name: "Opprett tiltak" }).click();
  await expect(dialog).toBeHidden();
  const done = page.getByRole("status").filter({ hasText: `Tiltaket «${name}» er opprettet.` });
  await expect(done).toBeFocused();
  await expect(done.getByRole("link", { name: "Åpne tiltaket" })).toBeVisible();
});

test("the action's page: description with line breaks edited in place, history in words with times; another forum's member gets 404", async ({ page, browser }) => {
  await signIn(page, demo.relevantLead);
  const name = `Detaljside ${Date.now().toString(36)}`;
  const item = await createAction(page, groups.relevant, { title: name, ownerId: people.marte, dueDate: "2030-01-15" });
  expect((await page.request.patch(`/api/forums/ostfold/actions/${item.id}`, { data: { status: "IN_PROGRESS", version: 1 } })).status()).toBe(200);
  const url = `/f/ostfold/groups/${groups.relevant}/actions/${item.id}`;
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const description = page.getByRole("region", { name: "Beskrivelse" });
  await expect(description).toContainText("Ingen beskrivelse ennå.");
  await description.getByRole("button", { name: "Endre beskrivelsen" }).click();
  const box = description.getByRole("textbox", { name: "Beskrivelse" });
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute("maxlength", "4000");
  await box.fill("Første linje\nAndre linje");
  await description.getByRole("button", { name: "Lagre" }).click();
  await expect(description.getByRole("status")).toHaveText("Beskrivelsen er lagret.");
  await expect(description.getByRole("button", { name: "Endre beskrivelsen" })).toBeFocused();
  expect(await description.getByTestId("description").evaluate((el) => (el as HTMLElement).innerText)).toBe("Første linje\nAndre linje");

  const history = page.getByRole("region", { name: "Historikk" });
  const lines = history.getByRole("listitem");
  await expect(lines.filter({ hasText: "Marte Nilsen endret beskrivelsen" })).toHaveCount(1);
  await expect(lines.filter({ hasText: "Marte Nilsen satte status til Pågår" })).toHaveCount(1);
  await expect(lines.filter({ hasText: "Marte Nilsen opprettet tiltaket med Marte Nilsen som eier og ansvarlig (A)" })).toHaveCount(1);
  await expect(lines.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(history).not.toContainText(item.id);
  await expect(history).not.toContainText("{");

  await page.setViewportSize(WIDE);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/detail-1280.png`, fullPage: true });
  await page.setViewportSize(NARROW);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/detail-390.png`, fullPage: true });

  // A member of another forum: the page does not exist for them.
  const db = testDb(DB_URL);
  const other = await buildOtherForum(db).finally(() => db.$disconnect());
  const context = await browser.newContext();
  const outsider = await context.newPage();
  await signIn(outsider, other.admin.email, FACTORY_PASSWORD, new RegExp(`/f/${other.forum.slug}$`));
  const res = await outsider.goto(url);
  expect(res?.status()).toBe(404);
  await expect(outsider.getByText(name)).toHaveCount(0);
  await context.close();
});

test("a new document in the steering group starts as minutes (Referat), in a competence group as a recommendation", async ({ page, browser }) => {
  await signIn(page, demo.steering);
  await page.goto(`/f/ostfold/groups/${groups.steering}`);
  const kind = page.getByRole("form", { name: "Nytt dokument" }).getByLabel("Type");
  await expect(kind).toHaveValue("MINUTES");
  await expect(kind.locator("option:checked")).toHaveText("Referat");
  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, demo.relevantLead);
  await member.goto(`/f/ostfold/groups/${groups.relevant}`);
  await expect(member.getByRole("form", { name: "Nytt dokument" }).getByLabel("Type")).toHaveValue("RECOMMENDATION");
  await context.close();
});
