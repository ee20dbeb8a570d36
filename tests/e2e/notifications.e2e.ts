import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./support/fixtures";
import { checkAtBothWidths } from "./support/shots";

/** The id of a group, from its link on the forum home. */
async function groupId(page: Page, name: string) {
  await page.goto("/f/ostfold");
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

/** How many items have unread notices, from the forum tab ("Varsler (3)" or "Varsler"). */
async function unreadItems(page: Page) {
  const text = (await page.getByRole("navigation", { name: "Navigasjon i forumet" }).getByRole("link", { name: /^Varsler/ }).textContent()) ?? "";
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? 0);
}

test("five status changes on one action are one entry that says who did what; opening one marks the entry read", async ({ browser, page }) => {
  // Lars (project leader) gives Marte a new action and moves its status four times.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signIn(leader, demo.projectLeader);
  const gid = await groupId(leader, "Kompetansegruppe relevant kompetanse");
  const group = (await (await leader.request.get(`/api/forums/ostfold/groups/${gid}`)).json()) as { group: { members: { id: string; name: string }[] } };
  const marte = group.group.members.find((m) => m.name === "Marte Nilsen")!;
  const title = `Lærlingløftet ${Date.now().toString(36)}`;
  const created = await leader.request.post(`/api/forums/ostfold/groups/${gid}/actions`, { data: { title, ownerId: marte.id } });
  expect(created.status()).toBe(201);
  let item = ((await created.json()) as { item: { id: string; version: number } }).item;
  for (const status of ["IN_PROGRESS", "BLOCKED", "IN_PROGRESS", "DONE"]) {
    const res = await leader.request.patch(`/api/forums/ostfold/actions/${item.id}`, { data: { status, version: item.version } });
    expect(res.status()).toBe(200);
    item = ((await res.json()) as { item: { id: string; version: number } }).item;
  }
  await leaderContext.close();

  // Marte sees one entry for the action, not five look-alike lines.
  await signIn(page, demo.relevantLead);
  await page.getByRole("navigation", { name: "Navigasjon i forumet" }).getByRole("link", { name: /^Varsler/ }).click();
  await expect(page.getByRole("heading", { name: "Varsler", level: 1 })).toBeVisible();
  const before = await unreadItems(page);
  expect(before).toBeGreaterThanOrEqual(1);
  const entry = page.getByRole("listitem").filter({ has: page.getByText(`5 varsler om «${title}»`) });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText("5 uleste")).toBeVisible();
  await expect(page.getByRole("link", { name: `Ny status på «${title}»` })).toHaveCount(0);

  await entry.getByText(`5 varsler om «${title}»`).click();
  const lines = entry.getByRole("link");
  await expect(lines).toHaveText([
    "Lars Haugen satte status til Ferdig",
    "Lars Haugen satte status til Pågår",
    "Lars Haugen satte status til Stoppet",
    "Lars Haugen satte status til Pågår",
    "Lars Haugen satte deg som eier",
  ]);
  await checkAtBothWidths(page, "notifications-grouped");

  // Following a line opens the action and marks the whole entry read; the tab's count drops by one.
  await lines.first().click();
  await expect(page).toHaveURL(new RegExp(`/actions/${item.id}$`));
  await expect.poll(() => unreadItems(page)).toBe(before - 1);
  await page.goto("/f/ostfold/notifications");
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText("uleste")).toHaveCount(0);
  await expect(entry).not.toHaveClass(/notification--unread/);
  // "Merk alle som lest" is still there for the rest.
  if (before > 1) await expect(page.getByRole("button", { name: "Merk alle som lest" })).toBeVisible();
});
