import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let admin: TestClient;
let member: TestClient;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  admin = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
  member = await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD);
});
afterAll(async () => {
  await db.$disconnect();
});

const page = async (path: string, client: TestClient = new TestClient(baseUrl)) => {
  const res = await client.fetch(path);
  return { status: res.status, html: await res.text() };
};

describe("privacy and accessibility statements", () => {
  it("are public, linked from the footer of every page and from the sign-in page, and show their default text while none is stored", async () => {
    await db.siteText.deleteMany({ where: { key: { in: ["privacy", "accessibility"] } } });
    const privacy = await page("/personvern");
    expect(privacy.status).toBe(200);
    expect(privacy.html).toContain("<h1 id=\"statement-title\">Personvernerklæring</h1>");
    // The default names the configured retention periods and where the export is.
    expect(privacy.html).toContain("De slettes etter 90 dager.");
    expect(privacy.html).toContain("slettes 180 dager etter at de ble lest");
    expect(privacy.html).toContain("/account/data");
    expect(privacy.html).toContain("Dette er standardteksten.");
    const accessibility = await page("/tilgjengelighet");
    expect(accessibility.status).toBe(200);
    expect(accessibility.html).toContain("WCAG 2.1");
    expect(accessibility.html).toContain("skjermleser");
    expect(accessibility.html).not.toContain("ingen kjente avvik");

    const login = await page("/login");
    for (const html of [login.html, (await page("/f/ostfold", member)).html]) {
      expect(html).toContain('href="/personvern"');
      expect(html).toContain('href="/tilgjengelighet"');
    }
  });

  it("are edited by a forum administrator, shown as text (never HTML), with a stale version refused (409); a member gets 403", async () => {
    await db.siteText.deleteMany({ where: { key: "privacy" } });
    const body = "## Behandlingsansvarlig\n\nØstfold fylkeskommune <script>alert('x')</script>\n\n- punkt én\n- punkt to";
    const forbidden = await member.json("/api/forums/ostfold/site-texts/privacy", "PATCH", { body, version: 0 });
    expect(forbidden.status).toBe(403);
    expect(await db.siteText.count({ where: { key: "privacy" } })).toBe(0);
    expect((await page("/f/ostfold/admin/statements", member)).status).toBe(403);

    const saved = await admin.json("/api/forums/ostfold/site-texts/privacy", "PATCH", { body, version: 0 });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { siteText: { version: number } }).siteText.version).toBe(1);

    const shown = await page("/personvern");
    expect(shown.html).toContain("<h2>Behandlingsansvarlig</h2>");
    expect(shown.html).toContain("Østfold fylkeskommune &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(shown.html).not.toContain("<script>alert");
    expect(shown.html).toContain("<li>punkt to</li>");
    expect(shown.html).toContain("Sist endret");

    const stale = await admin.json("/api/forums/ostfold/site-texts/privacy", "PATCH", { body: "Eldre utgave", version: 0 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: { version: number } } }).error.current.version).toBe(1);
    const next = await admin.json("/api/forums/ostfold/site-texts/privacy", "PATCH", { body: "Ny tekst", version: 1 });
    expect(next.status).toBe(200);

    expect((await admin.json("/api/forums/ostfold/site-texts/privacy", "PATCH", { body: "", version: 2 })).status).toBe(400);
    expect((await admin.json("/api/forums/ostfold/site-texts/privacy", "PATCH", { body: "x".repeat(20_001), version: 2 })).status).toBe(400);
    expect((await admin.json("/api/forums/ostfold/site-texts/cookies", "PATCH", { body: "x", version: 0 })).status).toBe(404);
    expect((await new TestClient(baseUrl).json("/api/forums/ostfold/site-texts/privacy", "PATCH", { body: "x", version: 2 })).status).toBe(401);

    const adminPage = await page("/f/ostfold/admin/statements", admin);
    expect(adminPage.status).toBe(200);
    expect(adminPage.html).toContain("Ny tekst");
    expect(adminPage.html).toContain("Tilgjengelighetserklæring");
    const audit = await db.auditEvent.findFirst({ where: { action: "siteText.update", entityId: "privacy" }, orderBy: { id: "desc" } });
    expect(audit?.after).toContain('"version":2');
    await db.siteText.deleteMany({ where: { key: "privacy" } });
  });
});
