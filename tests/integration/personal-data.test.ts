import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let forumId: string;
let groupId: string;
type Person = { id: string; email: string; name: string };
let anna: Person;
let bjorn: Person;

/** The data model the Prisma client runs on: every model of prisma/schema.prisma with its fields. */
type RuntimeModels = Record<string, { fields: { name: string; kind: string; type: string }[] }>;
const runtimeModels = () => (db as unknown as { _runtimeDataModel: { models: RuntimeModels } })._runtimeDataModel.models;

/** Models with a relation field to User (they hold a user's id), as the schema declares them. */
function modelsWithUser(): string[] {
  return Object.entries(runtimeModels())
    .filter(([, m]) => m.fields.some((f) => f.kind === "object" && f.type === "User"))
    .map(([name]) => name);
}

/** The fields that identify a row: its id, else its key, else its id columns (composite keys). */
function keyFields(model: string): string[] {
  const scalars = runtimeModels()[model]!.fields.filter((f) => f.kind === "scalar").map((f) => f.name);
  if (scalars.includes("id")) return ["id"];
  if (scalars.includes("key")) return ["key"];
  return scalars.filter((f) => f.endsWith("Id"));
}
const rowKey = (model: string, row: Record<string, unknown>) => keyFields(model).map((f) => String(row[f])).join("|");

/**
 * The person's rows straight from the database, found through the schema, not through the export's
 * own code: every row whose relation to User (any of them: creator, owner, actor …) is the person;
 * User by id; LoginAttempt by e-mail.
 */
async function rowsOf(model: string, person: Person): Promise<string[]> {
  const delegate = (db as unknown as Record<string, { findMany: (a: object) => Promise<Record<string, unknown>[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
  let where: object;
  if (model === "User") where = { id: person.id };
  else if (model === "LoginAttempt") where = { email: person.email };
  // An invitation is the inviter's, and also the invited person's (by address).
  else if (model === "Invitation") where = { OR: [{ invitedById: person.id }, { email: person.email }] };
  else {
    const relations = runtimeModels()[model]!.fields.filter((f) => f.kind === "object" && f.type === "User").map((f) => f.name);
    where = { OR: relations.map((r) => ({ [r]: { is: { id: person.id } } })) };
  }
  return (await delegate.findMany({ where })).map((row) => rowKey(model, row)).sort();
}

/** Rows of `p` in every table that holds a user, some of them beside rows of `other` (same action, same request). */
async function seedRows(p: Person, other: Person) {
  const doc = await db.document.create({ data: { forumId, groupId, kind: "RECOMMENDATION", title: `Dokument av ${p.name}`, createdById: p.id } });
  const version = await db.documentVersion.create({
    data: { documentId: doc.id, number: 1, kind: "MANUAL", state: new Uint8Array([0, 0]), sha256: "0".repeat(64), html: "<p>tekst</p>", text: "tekst", createdById: p.id },
  });
  await db.documentImage.create({
    data: { documentId: doc.id, uploadedById: p.id, mime: "image/png", size: 1, width: 1, height: 1, sha256: "1".repeat(64), data: new Uint8Array([1]), alt: "Et bilde" },
  });
  const action = await db.actionItem.create({ data: { forumId, groupId, title: `Tiltak av ${p.name}`, createdById: p.id, ownerId: p.id } });
  await db.responsibility.create({ data: { role: "A", actionItemId: action.id, userId: p.id } });
  await db.responsibility.create({ data: { role: "I", actionItemId: action.id, userId: other.id } });
  const request = await db.approvalRequest.create({ data: { documentId: doc.id, versionId: version.id, requestedById: p.id, coverNote: "Til behandling" } });
  await db.vote.create({ data: { approvalRequestId: request.id, userId: p.id, choice: "APPROVE" } });
  await db.vote.create({ data: { approvalRequestId: request.id, userId: other.id, choice: "OBJECT", reason: "Uenig" } });
  const thread = await db.commentThread.create({ data: { forumId, documentId: doc.id, createdById: p.id, quote: "sitat" } });
  const comment = await db.comment.create({ data: { threadId: thread.id, authorId: p.id, body: `@${other.name} se her` } });
  await db.commentMention.create({ data: { commentId: comment.id, userId: other.id } });
  await db.documentFollow.create({ data: { userId: p.id, documentId: doc.id, following: true } });
  await db.documentEditTally.create({ data: { documentId: doc.id, userId: p.id, changes: 2, lastEditAt: new Date() } });
  // A title that names someone else by e-mail: the export must not pass that address on.
  await db.notification.create({ data: { userId: p.id, forumId, type: "MENTION", title: `Melding fra ${other.email}` } });
  const need = await db.need.create({ data: { forumId, groupId, title: `Behov av ${p.name}`, field: "Helse", period: "2026", demand: 10, supply: 4, createdById: p.id } });
  await db.needLink.create({ data: { needId: need.id, documentId: doc.id, createdById: p.id } });
  await db.importBatch.create({ data: { forumId, groupId, sourceName: "SSB", fileName: "tall.csv", format: "CSV", rowCount: 1, createdById: p.id } });
  await db.savedView.create({ data: { forumId, userId: p.id, name: `Visning ${p.name}`, scope: "overview", query: "status=OPEN" } });
  await db.siteText.create({ data: { key: `export-test-${p.id}`, body: "tekst", updatedById: p.id } });
  const provider = await db.identityProvider.create({
    data: { forumId, slug: `export-${p.id}`, displayName: "Fylkets innlogging", issuer: "https://idp.example.com", clientId: "samrad", clientSecret: "v1.x.y.z" },
  });
  await db.userIdentity.create({ data: { userId: p.id, providerId: provider.id, subject: `sub-${p.id}` } });
  await db.invitation.create({ data: { forumId, email: `invitert-av-${p.id}@example.com`, invitedById: p.id } });
  await db.invitation.create({ data: { forumId, email: p.email, invitedById: other.id, acceptedAt: new Date() } });
  // Signing in writes the sign-in attempt and the audit event (actor: the person) the real way.
  return signedIn(baseUrl, p.email, FACTORY_PASSWORD);
}

let annaClient: TestClient;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" }, select: { id: true, forumId: true } });
  groupId = group.id;
  forumId = group.forumId;
  anna = await buildUser(db, forumId, { name: "Anna Eksport", groupIds: [groupId] });
  bjorn = await buildUser(db, forumId, { name: "Bjørn Annen", groupIds: [groupId] });
  annaClient = await seedRows(anna, bjorn);
  await seedRows(bjorn, anna);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("personal data export (GDPR art. 15/20)", () => {
  it("answers 401 when signed out", async () => {
    const res = await new TestClient(baseUrl).fetch("/api/account/export");
    expect(res.status).toBe(401);
  });

  it("covers every table that holds a user, with all of the person's rows and nobody else's", async () => {
    const res = await annaClient.fetch("/api/account/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="samrad-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await res.text();
    const body = JSON.parse(text) as Record<string, unknown> & { exportedAt: string; schema: string[] };
    expect(Number.isNaN(Date.parse(body.exportedAt))).toBe(false);

    const required = [...modelsWithUser(), "User", "LoginAttempt"];
    // A new table with a user id fails here until the export covers it (lib/db/personal-data.ts).
    expect(required.length).toBeGreaterThan(15);
    for (const model of required) expect(body.schema, `the export has no section for ${model}`).toContain(model);

    for (const model of required) {
      const section = body[model] as Record<string, unknown>[] | undefined;
      expect(Array.isArray(section), `section ${model}`).toBe(true);
      const mine = await rowsOf(model, anna);
      const theirs = await rowsOf(model, bjorn);
      expect(mine.length, `the test seeds rows of the person in ${model}`).toBeGreaterThan(0);
      expect(theirs.length, `the test seeds rows of someone else in ${model}`).toBeGreaterThan(0);
      const exported = section!.map((row) => rowKey(model, row)).sort();
      expect(exported, `${model}: exactly the person's rows`).toEqual(mine);
      // A row can be both people's (an invitation one sent the other); only rows that are not the person's must stay out.
      for (const key of theirs.filter((k) => !mine.includes(k))) expect(exported, `${model}: someone else's row`).not.toContain(key);
    }
  });

  it("resolves foreign keys to names, shows only the person's own role, and never another person's e-mail or secrets", async () => {
    const body = (await (await annaClient.fetch("/api/account/export")).json()) as Record<string, Record<string, unknown>[]>;
    const text = JSON.stringify(body);
    expect(text).toContain(anna.email);
    expect(text).not.toContain(bjorn.email);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("argon2");
    expect(body.Membership!.map((m) => m.group)).toContain("Kompetansegruppe relevant kompetanse");
    expect(body.ActionItem!.find((a) => a.title === "Tiltak av Anna Eksport")).toMatchObject({ yourPart: ["creator", "owner"] });
    // The RACI rows of an action: the person's own role only.
    expect(body.Responsibility!.map((r) => [r.actionItem, r.role])).toEqual([["Tiltak av Anna Eksport", "A"], ["Tiltak av Bjørn Annen", "I"]]);
    expect(body.Vote!.map((v) => v.choice).sort()).toEqual(["APPROVE", "OBJECT"]);
    expect(body.CommentMention![0]).toMatchObject({ mentionedBy: "Bjørn Annen", on: "Dokument av Bjørn Annen" });
    expect(body.Notification![0]!.title).toBe("Melding fra [e-post]");
    expect(body.LoginAttempt!.some((l) => l.success === true)).toBe(true);
    expect(body.AuditEvent!.some((e) => e.action === "auth.signin")).toBe(true);
  });

  it("shows the same data as a readable page with a heading and a table per section, and says when a section is empty", async () => {
    const outsider = await buildUser(db, forumId, { name: "Tom Tabell" });
    const empty = await signedIn(baseUrl, outsider.email, FACTORY_PASSWORD);
    const page = await empty.fetch("/account/data");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Dine data</h1>");
    expect(html).toContain("Ingen opplysninger i denne delen.");
    expect(html).toContain('href="/api/account/export"');

    const full = await (await annaClient.fetch("/account/data")).text();
    expect(full).toContain("Dokumenter du har opprettet");
    expect(full).toContain("Dokument av Anna Eksport");
    expect(full).toMatch(/<caption[^>]*>Innloggingsforsøk<\/caption>/);
    // Codes in words: the person's RACI role, the group role.
    expect(full).toContain("Ansvarlig (A)");
    expect(full).toContain("<td>Medlem</td>");
    expect(full).not.toContain(bjorn.email);
    const account = await (await annaClient.fetch("/account")).text();
    expect(account).toContain('href="/account/data"');
    expect((await new TestClient(baseUrl).fetch("/account/data")).status).toBe(307);
  });
});
