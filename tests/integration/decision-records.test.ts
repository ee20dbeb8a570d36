import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDecidedRequest, buildOtherForum, buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { pdfText } from "../support/pdf-text.ts";

// Decision records (Markdown and PDF) of decided approval requests, read over HTTP from the real
// server: every member of the forum reads them, outsiders get 404, anonymous 401, open requests 409.

const baseUrl = inject("baseUrl");
const FORUM = "ostfold";
let db: Db;
let c: Record<"member" | "otherGroup" | "steering" | "leader" | "english" | "outsider" | "anonymous", TestClient>;
let decided: Awaited<ReturnType<typeof buildDecidedRequest>>;
let rejected: Awaited<ReturnType<typeof buildDecidedRequest>>;
let open: Awaited<ReturnType<typeof buildDecidedRequest>>;
let foreign: Awaited<ReturnType<typeof buildDecidedRequest>>;

const TITLE = "Kompetanseløft for helse- og omsorgssektoren";
const NORWEGIAN = "Blåbærsyltetøy på Ås: ærlige øyeblikk for små og store";
const REASONS = {
  lead: "Godt begrunnet, særlig forslaget om lærlingplasser i Fredrikstad.",
  objector: "Mangler kostnadsoverslag for året før søknadsfristen.",
  abstainer: "Jeg er inhabil i saken og avstår.",
};
const STATEMENT = "Styringsgruppen godkjenner anbefalingen og ber prosjektgruppen følge opp i løpet av våren.";

const mdPath = (requestId: string) => `/api/forums/${FORUM}/approvals/${requestId}/record.md`;
const pdfPath = (requestId: string) => `/api/forums/${FORUM}/approvals/${requestId}/record.pdf`;
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } })).id;
  const [author, lead, objector, abstainer] = await Promise.all(
    ["inkludering1@samrad.example", "styring1@samrad.example", "styring2@samrad.example", "styring3@samrad.example"].map(user),
  );
  const votes = [
    { userId: lead!.id, choice: "APPROVE" as const, reason: REASONS.lead },
    { userId: objector!.id, choice: "OBJECT" as const, reason: REASONS.objector, changed: true },
    { userId: abstainer!.id, choice: "ABSTAIN" as const, reason: REASONS.abstainer },
  ];
  const paragraphs = ["Anbefaling om kompetanseløft", NORWEGIAN, ...Array.from({ length: 40 }, (_, i) => `Avsnitt ${i + 1} om arbeidsliv, utdanning og inkludering i Østfold.`)];
  decided = await buildDecidedRequest(db, {
    groupId, title: TITLE, status: "APPROVED", paragraphs, requestedById: author!.id, votes,
    outcomeStatement: STATEMENT, decidedById: lead!.id, liveText: ["Levende tekst som ikke er vedtatt"],
  });
  rejected = await buildDecidedRequest(db, {
    groupId, title: "Avvist forslag «å»", status: "REJECTED", paragraphs: ["Kort tekst"], requestedById: author!.id,
    votes: [{ userId: lead!.id, choice: "BLOCK", reason: "Strider mot mandatet." }], outcomeStatement: "Avvist.", decidedById: lead!.id,
  });
  open = await buildDecidedRequest(db, { groupId, status: "OPEN", paragraphs: ["Under behandling"], requestedById: author!.id, votes: [votes[0]!] });
  const other = await buildOtherForum(db);
  foreign = await buildDecidedRequest(db, { groupId: other.group.id, status: "APPROVED", paragraphs: ["Annet forum"], requestedById: other.admin.id, decidedById: other.admin.id });
  const forumId = (await db.forum.findUniqueOrThrow({ where: { slug: FORUM } })).id;
  const english = await buildUser(db, forumId, { name: "Emma English" });
  await db.user.update({ where: { id: english.id }, data: { locale: "en" } });
  c = {
    member: await signedIn(baseUrl, "inkludering2@samrad.example", DEMO_PASSWORD),
    otherGroup: await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD),
    steering: await signedIn(baseUrl, "styring3@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    english: await signedIn(baseUrl, english.email, FACTORY_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});
afterAll(async () => {
  await db.$disconnect();
});

describe("decision record as PDF", () => {
  it("prints the SHA-256, the voters with their choices and reasons, the outcome and æøå intact, with DejaVu embedded", async () => {
    const res = await c.member.fetch(pdfPath(decided.request.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="vedtaksprotokoll-kompetanseloeft-for-helse-og-omsorgssektoren-v${decided.version.number}.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const raw = Buffer.from(bytes).toString("latin1");
    // Every font is an embedded DejaVu subset; no standard font that would lose æøå.
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    expect(raw).toContain("/FontFile2");

    const { pages, text } = await pdfText(bytes);
    const all = flat(text);
    expect(pages).toBeGreaterThan(1);
    expect(all.replace(/\s/g, "")).toContain(decided.version.sha256);
    for (const name of ["Ingrid Solberg", "Knut Andersen", "Fatima Rahman"]) expect(all).toContain(name);
    for (const word of ["Godkjenner", "Har innvendinger", "Avstår"]) expect(all).toContain(word);
    for (const reason of Object.values(REASONS)) expect(all).toContain(reason);
    expect(all).toContain(NORWEGIAN);
    expect(all).toContain(STATEMENT);
    expect(all).toContain(TITLE);
    expect(all).toContain("Kompetanseforum Østfold");
    expect(all).toContain("Vedtaksprotokoll");
    expect(all).toContain("Registrerte vedtaket");
    expect(all).toContain("Endret stemmen sin");
    expect(all).toContain(`Side 1 av ${pages}`);
    expect(all).toContain(`Side ${pages} av ${pages}`);
    // The frozen text, never the live one.
    expect(all).not.toContain("Levende tekst som ikke er vedtatt");
  });

  it("speaks English to a user who chose English", async () => {
    const res = await c.english.fetch(pdfPath(decided.request.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="decision-record-kompetanseloeft-[a-z0-9-]+-v\d+\.pdf"$/);
    const { pages, text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    const all = flat(text);
    expect(all).toContain("Decision record");
    expect(all).toContain(`Page 1 of ${pages}`);
    expect(all).toContain("Approves");
    expect(all).toContain(NORWEGIAN);
  });
});

describe("decision record as Markdown", () => {
  it("holds the same: hash, voters, choices, reasons, outcome, frozen text and audit trail", async () => {
    const res = await c.member.fetch(mdPath(decided.request.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="vedtaksprotokoll-kompetanseloeft-for-helse-og-omsorgssektoren-v\d+\.md"$/);
    const md = await res.text();
    expect(md).toContain(`# Vedtaksprotokoll: ${TITLE}`);
    expect(md).toContain(decided.version.sha256);
    for (const name of ["Ingrid Solberg", "Knut Andersen", "Fatima Rahman"]) expect(md).toContain(name);
    for (const reason of Object.values(REASONS)) expect(md).toContain(reason);
    expect(md).toContain("| Knut Andersen | Har innvendinger |");
    expect(md).toContain(NORWEGIAN);
    expect(md).toContain(`> ${STATEMENT}`);
    expect(md).toContain("Sendt til behandling");
    expect(md).toContain("Versjonen ble frosset");
    expect(md).not.toContain("Levende tekst som ikke er vedtatt");
  });

  it("exists for every decided outcome, not only approvals", async () => {
    const res = await c.member.fetch(mdPath(rejected.request.id));
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toContain("**Utfall:** Avvist");
    expect(md).toContain("Blokkerer");
    expect(md).toContain("## Behandlet tekst");
  });
});

describe("who reads a decision record", () => {
  it("lets every member of the forum read it, whatever their group or role", async () => {
    for (const who of ["member", "otherGroup", "steering", "leader"] as const) {
      expect((await c[who].fetch(mdPath(decided.request.id))).status, who).toBe(200);
      expect((await c[who].fetch(pdfPath(decided.request.id))).status, who).toBe(200);
    }
  });

  it("answers 409 with a readable message while the request is open", async () => {
    for (const path of [mdPath(open.request.id), pdfPath(open.request.id)]) {
      const res = await c.steering.fetch(path);
      expect(res.status, path).toBe(409);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("conflict");
      expect(body.error.message).toContain("ikke avgjort");
    }
  });

  it("answers 404 outside the forum, for unknown requests and for another forum's requests; 401 without a session", async () => {
    for (const path of [mdPath(decided.request.id), pdfPath(decided.request.id)]) {
      expect((await c.outsider.fetch(path)).status, path).toBe(404);
      expect((await c.outsider.fetch(path.replace(`/${FORUM}/`, "/no-such-forum/"))).status, path).toBe(404);
      expect((await c.anonymous.fetch(path)).status, path).toBe(401);
    }
    expect((await c.member.fetch(mdPath("no-such-request"))).status).toBe(404);
    expect((await c.member.fetch(pdfPath(foreign.request.id))).status).toBe(404);
  });
});
