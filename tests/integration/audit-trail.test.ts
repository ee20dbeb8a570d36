import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appendAudit } from "../../lib/db/audit.ts";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { DatabaseCopies, runAuditVerify } from "../support/audit-copies.ts";

const baseUrl = inject("baseUrl");

describe("audit:verify on a stopped server's database", () => {
  let server: RunningServer;
  let db: Db;
  let otherSlug: string;
  const copies = new DatabaseCopies(() => server?.database);


  beforeAll(async () => {
    server = await startServer("audit-cli");
    db = testDb(server.dbUrl);
    const other = await buildOtherForum(db);
    otherSlug = other.forum.slug;
    // Events in both forums: sign-ins (and a failed one) by their people.
    for (const email of ["admin@samrad.example", "prosjektleder@samrad.example", "styring1@samrad.example"]) await signedIn(server.url, email, DEMO_PASSWORD);
    await new TestClient(server.url).signIn("styring2@samrad.example", "wrong-password-here");
    await signedIn(server.url, other.admin.email, FACTORY_PASSWORD);
    // And changes, written with the same code (and key) the server uses.
    const ostfold = await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } });
    for (let i = 0; i < 6; i++) {
      await db.$transaction((tx) => appendAudit(tx, { forumId: ostfold.id, actorId: null, action: "group.update", entityType: "Group", entityId: `g${i}`, before: { name: `Navn ${i}` }, after: { name: `Navn ${i + 1}` } }));
    }
    await db.$transaction((tx) => appendAudit(tx, { forumId: other.forum.id, actorId: other.admin.id, action: "group.update", entityType: "Group", entityId: other.group.id, after: { name: "Ny" } }));
    await db.$disconnect();
    // Shutting down writes the signed heads a later truncation is compared with.
    await server.stop();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await copies.removeAll();
  });

  const ostfoldRows = async (d: Db) => {
    const forum = await d.forum.findUniqueOrThrow({ where: { slug: "ostfold" } });
    return d.auditEvent.findMany({ where: { forumId: forum.id }, orderBy: { id: "asc" } });
  };

  it("says every chain is intact when nothing was touched (exit 0)", async () => {
    const r = await runAuditVerify(server.database);
    expect(r.out).toMatch(/intact/);
    expect(r.out).not.toMatch(/BROKEN/);
    expect(r.code).toBe(0);
  });

  it("names an edited row (exit 1), and another forum's chain stays intact", async () => {
    const c = await copies.copy("edited");
    const rows = await ostfoldRows(c.db);
    expect(rows.length).toBeGreaterThan(5);
    const target = rows[2]!;
    await c.db.auditEvent.update({ where: { id: target.id }, data: { after: JSON.stringify({ changed: true }) } });
    await c.db.$disconnect();
    const r = await runAuditVerify(c.database);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`id ${target.id}`);
    expect(r.out).toContain(target.action);
    const other = await runAuditVerify(c.database, ["--forum", otherSlug]);
    expect(other.out).toMatch(/intact/);
    expect(other.code).toBe(0);
  });

  it("detects that the newest three rows were deleted (exit 1) by the last signed head", async () => {
    const c = await copies.copy("truncated");
    const rows = await ostfoldRows(c.db);
    const newest = rows.slice(-3);
    await c.db.auditEvent.deleteMany({ where: { id: { in: newest.map((e) => e.id) } } });
    await c.db.$disconnect();
    const r = await runAuditVerify(c.database, ["--forum", "ostfold"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN/);
    expect(r.out).toContain(`sequence ${rows.length - 2}`);
  });

  it("detects a row rewritten with every later hash recomputed from the database alone (exit 1)", async () => {
    const c = await copies.copy("rewritten");
    const rows = await ostfoldRows(c.db);
    const target = rows[1]!;
    // What someone holding only the database can do: plain SHA-256 over the same fields, no secret.
    let prev = rows[0]!.hash;
    for (const e of rows.slice(1)) {
      const after = e.id === target.id ? JSON.stringify({ rewritten: true }) : e.after;
      const fields = { ...e, after, prevHash: prev };
      const hash = createHash("sha256").update(JSON.stringify(Object.entries(fields).filter(([k]) => k !== "hash" && k !== "id"))).digest("hex");
      await c.db.auditEvent.update({ where: { id: e.id }, data: { after, prevHash: prev, hash } });
      prev = hash;
    }
    await c.db.$disconnect();
    const r = await runAuditVerify(c.database, ["--forum", "ostfold"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`id ${target.id}`);
    expect(r.out).toContain(target.action);
  });
});

describe("the forum's event log", () => {
  let db: Db;
  beforeAll(() => {
    db = testDb(inject("dbUrl"));
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("holds sign-ins, failed sign-ins and account changes of the forum's people, and shows them in words", async () => {
    const { forum, admin } = await buildOtherForum(db);
    const user = await buildUser(db, forum.id, { name: "Sigrid Loggført" });
    await new TestClient(baseUrl).signIn(user.email, "wrong-password-here");
    const client = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    expect((await client.json("/api/account", "PATCH", { name: "Sigrid Endret" })).status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { forumId: forum.id, entityId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.signin.failed", "auth.signin", "account.update"]);
    // The e-mail address is held by reference (the user's id), never written into the log.
    expect(JSON.stringify(events)).not.toContain(user.email);

    const adminClient = await signedIn(baseUrl, admin.email, FACTORY_PASSWORD);
    const page = await adminClient.fetch(`/f/${forum.slug}/admin/audit`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Mislykket innlogging");
    expect(html).toContain("Logget inn");
    expect(html).toContain("Endret egen profil");
    expect(html).toContain("Sigrid Endret");
    expect(html).not.toContain("audit.account.update");
    expect(html).toContain("Kjeden av hendelser er intakt");
  });

  it("answers 200 for a row of invalid JSON, shows it, and another forum still sees its own chain intact", async () => {
    const a = await buildOtherForum(db);
    const b = await buildOtherForum(db);
    for (const f of [a, b]) {
      await db.$transaction((tx) => appendAudit(tx, { forumId: f.forum.id, actorId: f.admin.id, action: "group.update", entityType: "Group", entityId: f.group.id, before: { name: "Annen gruppe" }, after: { name: "Ny gruppe" } }));
    }
    const row = await db.auditEvent.findFirstOrThrow({ where: { forumId: a.forum.id }, orderBy: { id: "desc" } });
    await db.auditEvent.update({ where: { id: row.id }, data: { after: "{not json" } });

    const pageA = await (await signedIn(baseUrl, a.admin.email, FACTORY_PASSWORD)).fetch(`/f/${a.forum.slug}/admin/audit`);
    expect(pageA.status).toBe(200);
    const htmlA = await pageA.text();
    expect(htmlA).toContain("{not json");
    expect(htmlA).toMatch(/Kjeden av hendelser er brutt/);

    const pageB = await (await signedIn(baseUrl, b.admin.email, FACTORY_PASSWORD)).fetch(`/f/${b.forum.slug}/admin/audit`);
    expect(pageB.status).toBe(200);
    expect(await pageB.text()).toContain("Kjeden av hendelser er intakt");
  });
});
