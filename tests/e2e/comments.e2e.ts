import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoSeriousA11yViolations, signIn } from "./support/fixtures";

const DOCUMENT = "Anbefaling: moduler i fagskolen som kan tas ved siden av jobb";
const PASSAGE = "korte moduler med kveldsundervisning";

async function openDocument(page: Page) {
  await page.getByRole("link", { name: "Kompetansegruppe livslang læring" }).first().click();
  await page.getByRole("link", { name: DOCUMENT }).first().click();
  await expect(page.locator(".page-header").getByRole("heading", { name: DOCUMENT, level: 1 })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-status", /saved|readOnly/);
}

/** Selects `words` in the document text the way a mouse drag would (the browser's selection). */
async function selectWords(page: Page, words: string) {
  await page.locator(".editor-content").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the document`);
  }, words);
}

test("a steering member comments on a sentence and mentions a member, who sees it live, follows the notification and replies", async ({ browser }) => {
  // The group member has the recommendation open.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, demo.lifelongMember);
  await openDocument(member);

  // The steering lead reads it on a read-only connection, and comments all the same.
  const steeringContext = await browser.newContext();
  const steering = await steeringContext.newPage();
  await signIn(steering, demo.steering);
  await openDocument(steering);
  await expect(steering.getByTestId("sync-status")).toHaveAttribute("data-status", "readOnly");
  await expect(steering.getByText("Du kan lese dokumentet, men ikke endre det. Du kan likevel kommentere: marker tekst og velg «Kommenter».")).toBeVisible();
  const panel = steering.getByRole("region", { name: /Kommentarer/ });
  await expect(panel.getByText(/Ingen åpne kommentarer/)).toBeVisible();

  await selectWords(steering, PASSAGE);
  await steering.getByRole("button", { name: "Kommenter", exact: true }).click();
  const form = panel.getByRole("form", { name: "Ny kommentar" });
  await expect(form.getByText(PASSAGE)).toBeVisible();
  const box = form.getByRole("combobox", { name: "Kommentar" });
  await expect(box).toBeFocused();
  await box.pressSequentially("Hvor mange deltakere regner dere med, @Jon");
  const options = form.getByRole("listbox", { name: "Forslag til personer å nevne" });
  await expect(options.getByRole("option", { name: "Jonas Dahl" })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("Hvor mange deltakere regner dere med, @Jonas Dahl ");
  await box.pressSequentially("?");
  await expectNoSeriousA11yViolations(steering);
  await form.getByRole("button", { name: "Kommenter" }).click();

  const thread = panel.getByRole("article", { name: "Kommentar fra Ingrid Solberg" });
  await expect(thread).toBeVisible();
  await expect(thread.locator(".mention")).toHaveText("@Jonas Dahl");
  await expect(panel.getByRole("status").filter({ hasText: "Kommentaren er lagt til." })).toBeAttached();
  await expect(steering.locator(".editor-content .comment-mark")).toHaveText(PASSAGE);

  // Live in the member's own browser: the passage is highlighted and the thread is in the panel.
  const mark = member.locator(".editor-content .comment-mark");
  await expect(mark).toHaveText(PASSAGE);
  await expect(mark).toHaveCSS("background-color", "rgb(255, 241, 184)");
  const memberPanel = member.getByRole("region", { name: /Kommentarer/ });
  await expect(memberPanel.getByRole("article", { name: "Kommentar fra Ingrid Solberg" })).toContainText("Hvor mange deltakere");

  // The notification names who mentioned them and leads to the thread.
  const inbox = await memberContext.newPage();
  await inbox.goto("/f/ostfold/notifications");
  const note = inbox.getByRole("link", { name: `Ingrid Solberg nevnte deg i en kommentar om «${DOCUMENT}»` });
  await expect(note).toBeVisible();
  await note.click();
  await expect(inbox).toHaveURL(/#thread-[a-f0-9]{32}$/);
  const active = inbox.getByRole("region", { name: /Kommentarer/ }).locator(".thread--active");
  await expect(active).toContainText("Hvor mange deltakere");

  // The member replies from the keyboard; the steering member sees the answer without reloading.
  await active.getByRole("button", { name: /^Svar/ }).click();
  const reply = active.getByRole("combobox", { name: "Svar" });
  await reply.fill("Rundt 40 i første runde, se https://example.org/plan.");
  await reply.press("Control+Enter");
  await expect(active.getByRole("listitem").filter({ hasText: "Rundt 40 i første runde" })).toBeVisible();
  await expect(active.getByRole("link", { name: "https://example.org/plan" })).toHaveAttribute("rel", /noopener/);
  await expect(thread.getByRole("listitem").filter({ hasText: "Rundt 40 i første runde" })).toBeVisible();

  // Clicking the passage in the panel shows it in the text; the opener resolves the thread.
  await thread.getByRole("button", { name: `Vis i teksten: ${PASSAGE}` }).click();
  await expect(steering.locator(".editor-content .comment-mark")).toBeInViewport();
  await expectNoSeriousA11yViolations(steering);
  await thread.getByRole("button", { name: "Marker som løst" }).click();
  await expect(panel.getByText(/Ingen åpne kommentarer/)).toBeVisible();
  await panel.getByRole("button", { name: "Løste" }).click();
  await expect(panel.getByRole("article", { name: "Kommentar fra Ingrid Solberg" })).toContainText("Løst");
  // A resolved thread's passage is no longer highlighted for the member either.
  await expect(member.locator(".editor-content .comment-mark")).not.toHaveCSS("background-color", "rgb(255, 241, 184)");

  await memberContext.close();
  await steeringContext.close();
});

test("a question on an action is answered on the action's own page; its group's board counts it live", async ({ browser }) => {
  const ACTION = "Spørre fagskolen om kapasitet til kveldsmoduler";
  // The action's owner watches the group's board.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, demo.lifelongMember);
  await owner.goto("/f/ostfold/actions");
  const overviewCard = owner.getByTestId("action-card").filter({ has: owner.getByRole("heading", { name: ACTION }) });
  await expect(overviewCard).toBeVisible();

  const steeringContext = await browser.newContext();
  const steering = await steeringContext.newPage();
  await signIn(steering, demo.steering);
  await steering.goto("/f/ostfold/actions");
  await steering.getByRole("link", { name: ACTION }).click();
  await expect(steering.getByRole("heading", { name: ACTION, level: 1 })).toBeVisible();
  await expect(steering.getByText("Ingen kommentarer ennå.")).toBeVisible();
  const box = steering.getByRole("combobox", { name: "Still et spørsmål eller skriv en kommentar" });
  await box.fill("Har fagskolen svart ennå?");
  await box.press("Control+Enter");
  const thread = steering.getByRole("article", { name: "Kommentar fra Ingrid Solberg" });
  await expect(thread).toContainText("Har fagskolen svart ennå?");
  await expect(box).toHaveValue("");
  await expectNoSeriousA11yViolations(steering);

  // The owner's overview counts the conversation without a reload, and the owner answers on the action's page.
  await expect(overviewCard.getByRole("link", { name: "Samtaler: 1" })).toBeVisible();
  await overviewCard.getByRole("link", { name: "Samtaler: 1" }).click();
  const ownerThread = owner.getByRole("article", { name: "Kommentar fra Ingrid Solberg" });
  await ownerThread.getByRole("button", { name: /^Svar/ }).click();
  await ownerThread.getByRole("combobox", { name: "Svar" }).fill("Ja, de har plass til to moduler.");
  await ownerThread.getByRole("button", { name: "Send" }).click();
  // The steering member's page follows live.
  await expect(thread).toContainText("Ja, de har plass til to moduler.");

  await ownerContext.close();
  await steeringContext.close();
});
