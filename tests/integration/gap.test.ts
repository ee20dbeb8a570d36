import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDecidedRequest, buildOtherForum, buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { pdfText } from "../support/pdf-text.ts";

// The gap view's event stream and the annual report, over HTTP against the real server: who may
// follow and download, and that changing coverage (an action's status, an approval) reaches an open
// stream as needs.changed.

const baseUrl = inject("baseUrl");
const FORUM = "ostfold";
const PERIOD = "2031";
let db: Db;
let c: Record<"member" | "leader" | "steeringLead" | "english" | "outsider" | "anonymous", TestClient>;
let ids: { forumId: string; groupId: string; leaderId: string; needId: string; actionId: string };

const events = (topics = "needs") => `/api/forums/${FORUM}/events?topics=${topics}`;

/** Opens a stream and collects what arrives; `waitFor` resolves once the text contains `needle`. */
async function openStream(client: TestClient) {
  const controller = new AbortController();
  const res = await client.fetch(events(), { signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  expect(res.headers.get("cache-control")).toContain("no-transform");
  const reader = res.body!.getReader();
  let text = "";
  const decoder = new TextDecoder();
  const waitFor = async (needle: string, count = 1, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (text.split(needle).length - 1 < count) {
      if (Date.now() > deadline) throw new Error(`stream did not send ${needle} ×${count}; got ${JSON.stringify(text)}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 250))]);
      if (chunk && !chunk.done) text += decoder.decode(chunk.value, { stream: true });
    }
    return text;
  };
  return { waitFor, close: () => controller.abort(), text: () => text };
}

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const forum = await db.forum.findUniqueOrThrow({ where: { slug: FORUM }, select: { id: true } });
  const group = await db.group.findFirstOrThrow({ where: { forumId: forum.id, name: "Kompetansegruppe inkludering" }, select: { id: true } });
  const leader = await db.user.findUniqueOrThrow({ where: { email: "prosjektleder@samrad.example" }, select: { id: true } });
  // A need of its own period (so the report's figures are this test's), answered by an open action.
  const need = await db.need.create({
    data: { forumId: forum.id, groupId: group.id, title: "Integrasjonstest: sveisere", field: "Sveiser", period: PERIOD, demand: 12.5, supply: 2, unit: "PERSONS", createdById: leader.id },
  });
  const action = await db.actionItem.create({ data: { forumId: forum.id, groupId: group.id, title: "Integrasjonstest: kurs for sveisere", status: "OPEN", createdById: leader.id } });
  await db.needLink.create({ data: { needId: need.id, actionItemId: action.id, createdById: leader.id } });
  ids = { forumId: forum.id, groupId: group.id, leaderId: leader.id, needId: need.id, actionId: action.id };
  const other = await buildOtherForum(db);
  const english = await buildUser(db, forum.id, { name: "Emma English" });
  await db.user.update({ where: { id: english.id }, data: { locale: "en" } });
  c = {
    member: await signedIn(baseUrl, "inkludering2@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    steeringLead: await signedIn(baseUrl, "styring1@samrad.example", DEMO_PASSWORD),
    english: await signedIn(baseUrl, english.email, FACTORY_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("GET /api/forums/<forum>/events", () => {
  it("is for members of the forum only, and only for known topics", async () => {
    expect((await c.anonymous.fetch(events())).status).toBe(401);
    expect((await c.outsider.fetch(events())).status).toBe(404);
    const unknown = await c.member.fetch(events("needs,secrets"));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toBe("Ukjent emne å følge.");
  });

  it("tells an open stream when a linked action's status changes coverage, and not for unlinked changes", async () => {
    const stream = await openStream(c.member);
    try {
      await stream.waitFor(": open");
      const url = `/api/forums/${FORUM}/actions/${ids.actionId}`;
      const { item } = await (await c.leader.fetch(url)).json();
      // A title change is not coverage: no event.
      const renamed = await c.leader.json(url, "PATCH", { title: "Integrasjonstest: kurs for sveisere (vår)", version: item.version });
      expect(renamed.status).toBe(200);
      const started = await c.leader.json(url, "PATCH", { status: "IN_PROGRESS", version: (await renamed.json()).item.version });
      expect(started.status).toBe(200);
      const text = await stream.waitFor("event: change");
      expect(text).toContain(`data: {"topic":"needs"}`);
      expect(text.split("event: change").length - 1).toBe(1);
    } finally {
      stream.close();
    }
  });

  it("tells an open stream when a recommendation linked to a need is approved", async () => {
    const steering = await Promise.all(["styring1@samrad.example", "styring2@samrad.example", "styring3@samrad.example"].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })));
    const open = await buildDecidedRequest(db, {
      groupId: ids.groupId, status: "OPEN", paragraphs: ["Anbefaling om sveisere", "Flere kurs."], requestedById: ids.leaderId,
      votes: steering.map((s) => ({ userId: s.id, choice: "APPROVE" as const })),
    });
    await db.needLink.create({ data: { needId: ids.needId, documentId: open.documentId, createdById: ids.leaderId } });
    const stream = await openStream(c.member);
    try {
      await stream.waitFor(": open");
      const closed = await c.steeringLead.json(`/api/forums/${FORUM}/approvals/${open.request.id}/close`, "POST", { outcome: "APPROVED", statement: "Godkjent i integrasjonstesten." });
      expect(closed.status).toBe(200);
      await stream.waitFor("event: change");
    } finally {
      stream.close();
    }
  });
});

describe("the annual report", () => {
  const pdf = (period: string) => `/api/forums/${FORUM}/reports/annual.pdf?period=${encodeURIComponent(period)}`;
  const md = (period: string) => `/api/forums/${FORUM}/reports/annual.md?period=${encodeURIComponent(period)}`;

  it("is for every member of the forum: 401 signed out, 404 outside, 400 for a period that is not one", async () => {
    expect((await c.anonymous.fetch(pdf(PERIOD))).status).toBe(401);
    expect((await c.outsider.fetch(pdf(PERIOD))).status).toBe(404);
    expect((await c.outsider.fetch(md(PERIOD))).status).toBe(404);
    expect((await c.member.fetch(pdf("2031-Q3"))).status).toBe(400);
    expect((await c.member.fetch(`/api/forums/${FORUM}/reports/annual.md`)).status).toBe(400);
  });

  it("prints the period's needs, gap and coverage in Markdown, in Norwegian by default and in English for English readers", async () => {
    const res = await c.member.fetch(md(PERIOD));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="arsrapport-kompetanseforum-oestfold-${PERIOD}.md"`);
    const text = await res.text();
    expect(text).toContain(`# Årsrapport ${PERIOD}`);
    expect(text).toContain("1 behov: behov 12,5, tilbud 2, gap 10,5 personer");
    // Started and approved above: covered by both.
    expect(text).toContain("| Integrasjonstest: sveisere | Sveiser | Hele fylket | 12,5 | 2 | 10,5 | personer | Anbefaling og tiltak |");
    const english = await (await c.english.fetch(md(PERIOD))).text();
    expect(english).toContain(`# Annual report ${PERIOD}`);
    expect(english).toContain("Needs 1: demand 12.5, supply 2, gap 10.5 persons");
  });

  it("is a PDF with DejaVu embedded and the figures in its text", async () => {
    const res = await c.member.fetch(pdf(PERIOD));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const raw = Buffer.from(bytes).toString("latin1");
    for (const font of [...raw.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((m) => m[1])) expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    const { text } = await pdfText(bytes);
    const squeezed = text.replace(/\s+/g, "");
    expect(squeezed).toContain(`Årsrapport${PERIOD}`);
    expect(squeezed).toContain("1behov:behov12,5,tilbud2,gap10,5personer");
    expect(squeezed).toContain("Integrasjonstest:sveisere");
  });
});
