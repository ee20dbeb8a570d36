import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "../e2e/support/fixtures";

const OUT = "test-results/screens";
const WIDTHS = [1280, 390] as const;

/** Each main screen as a path (found from the demo forum) and who looks at it. */
async function screens(page: Page): Promise<{ name: string; path: string }[]> {
  await page.goto("/f/ostfold");
  const group = (await page.getByRole("link", { name: "Kompetansegruppe relevant kompetanse" }).first().getAttribute("href"))!;
  await page.goto(group);
  const document = (await page.locator(".doc-list a[href*='/documents/']").first().getAttribute("href"))!;
  await page.goto(`${group}/actions`);
  const action = await page.locator("a[href*='/actions/c']").first().getAttribute("href");
  return [
    { name: "forum-home", path: "/f/ostfold" },
    { name: "group", path: group },
    { name: "document", path: document },
    { name: "group-actions", path: `${group}/actions` },
    ...(action ? [{ name: "action", path: action }] : []),
    { name: "overview", path: "/f/ostfold/actions" },
    { name: "mine", path: "/f/ostfold/mine" },
    { name: "notifications", path: "/f/ostfold/notifications" },
    { name: "needs", path: "/f/ostfold/needs" },
    { name: "gap", path: "/f/ostfold/gap" },
    { name: "approvals", path: "/f/ostfold/approvals" },
    { name: "search", path: "/f/ostfold/search?q=l%C3%A6rling" },
    { name: "account", path: "/account" },
  ];
}

test("the project leader's main screens at 1280 and 390 px", async ({ page }) => {
  await signIn(page, demo.projectLeader);
  for (const s of await screens(page)) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
      await page.goto(s.path);
      await expect(page).toHaveTitle(/\S/);
      await page.waitForLoadState("networkidle").catch(() => {});
      await page.screenshot({ path: `${OUT}/${s.name}-${width}.png`, fullPage: true });
    }
  }
});

test("sign-in, privacy and the administrator's sign-in page, in Nynorsk, at 1280 and 390 px", async ({ page }) => {
  const shoot = async (name: string, path: string) => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
      await page.goto(path);
      await expect(page).toHaveTitle(/\S/);
      await page.waitForLoadState("networkidle").catch(() => {});
      await page.screenshot({ path: `${OUT}/nn-${name}-${width}.png`, fullPage: true });
    }
  };
  // A provider, so that the sign-in page shows its button (the screens need no provider behind it).
  await signIn(page, demo.admin);
  const origin = new URL(page.url()).origin;
  const added = await page.request.post("/api/forums/ostfold/identity-providers", {
    headers: { origin },
    data: { displayName: "Østfold fylkeskommune", slug: "ostfold-fk", issuer: "https://login.example.no/ostfold", clientId: "samrad", clientSecret: "hemmeleg", allowedDomains: "ostfoldfk.no" },
  });
  expect([201, 409]).toContain(added.status());
  await page.request.patch("/api/account", { headers: { origin }, data: { locale: "nn" } });
  try {
    await shoot("admin-sign-in", "/f/ostfold/admin/sign-in");
    await shoot("account-data", "/account/data");
    await shoot("forum-home", "/f/ostfold");
    await shoot("privacy", "/personvern");
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    expect((await page.request.post("/api/auth/signout", { headers: { origin }, form: { csrfToken, json: "true" } })).status()).toBe(200);
    await page.context().addCookies([{ name: "samrad-locale", value: "nn", url: origin }]);
    await shoot("login", "/login");
    await shoot("login-refused", "/login?error=oidc_not_invited");
  } finally {
    await signIn(page, demo.admin);
    await page.request.patch("/api/account", { headers: { origin }, data: { locale: "nb" } });
  }
});
