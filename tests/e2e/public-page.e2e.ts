import { testDatabase } from "../support/test-database.ts";
import { expect, test } from "@playwright/test";
import { buildDecidedRequest, buildUser, setLiveText, testDb } from "../support/factories.ts";
import { expectNoSeriousA11yViolations } from "./support/fixtures";

// The public page of approved recommendations for an anonymous visitor: axe-clean, Norwegian, and
// no CSP violations in the browser (the stored HTML carries no inline styles or scripts).

const DB_URL = testDatabase("e2e", { shared: true }).url;
let slug: string;
let documentId: string;

test.beforeAll(async () => {
  const db = testDb(DB_URL);
  try {
    slug = `offentlig-e2e-${Date.now().toString(36)}`;
    const forum = await db.forum.create({ data: { slug, name: "Kompetanseforum Ørland", publicPage: true }, select: { id: true } });
    const group = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "Kompetansegruppe inkludering" }, select: { id: true } });
    const area = await db.targetArea.create({ data: { forumId: forum.id, name: "Inkludering i arbeidslivet" }, select: { id: true } });
    const author = await buildUser(db, forum.id, { groupIds: [group.id] });
    const approved = await buildDecidedRequest(db, {
      groupId: group.id, title: "Lærlingløftet i Sarpsborg", status: "APPROVED", requestedById: author.id, decidedById: author.id,
      paragraphs: ["Bakgrunn", "Flere læreplasser i Sarpsborg, Halden og Råde innen 2028.", "Oppfølging hvert år."],
      outcomeStatement: "Styringsgruppen slutter seg til anbefalingen.", targetAreaIds: [area.id],
    });
    await setLiveText(db, approved.documentId, ["Levende tekst etter vedtaket"]);
    await buildDecidedRequest(db, { groupId: group.id, title: "Uten målområde", status: "APPROVED", requestedById: author.id, decidedById: author.id, paragraphs: ["Kort vedtatt tekst."] });
    documentId = approved.documentId;
  } finally {
    await db.$disconnect();
  }
});

test("an anonymous visitor reads the public page and a recommendation's own page: axe-clean, no CSP violations", async ({ page }) => {
  const cspErrors: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
  await page.goto(`/p/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("heading", { level: 1, name: "Godkjente anbefalinger" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Inkludering i arbeidslivet" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Uten hovedmålområde" })).toBeVisible();
  await expect(page.getByText("Flere læreplasser i Sarpsborg, Halden og Råde innen 2028.")).toBeVisible();
  await expect(page.getByText("Levende tekst etter vedtaket")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Egen side for «Lærlingløftet i Sarpsborg»" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/${documentId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Lærlingløftet i Sarpsborg" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(cspErrors).toEqual([]);
});
