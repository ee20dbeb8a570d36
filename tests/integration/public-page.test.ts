import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { formatDate } from "../../lib/i18n/format.ts";
import { buildDecidedRequest, buildUser, setLiveText, testDb } from "../support/factories.ts";
import { TestClient } from "../support/http-client.ts";

// The public page of approved recommendations, read by an anonymous client from the real server:
// exactly the approved versions (frozen text, never the live one), nothing else, and the same 404
// for a forum whose public page is off as for one that does not exist.

const baseUrl = inject("baseUrl");
let db: Db;
let anonymous: TestClient;
let slug: string;
let forumId: string;
let privateSlug: string;
let privateDocId: string;

const T = {
  approvedTitle: "Lærlingløftet i Sarpsborg",
  approvedText: "Vedtatt tekst: flere læreplasser i Sarpsborg, Halden og Råde innen 2028.",
  approvedStatement: "Styringsgruppen slutter seg til anbefalingen og ber om årlig rapportering.",
  rejectedEarlier: "Første forsøk som ble avvist av styringsgruppen.",
  laterVersion: "Senere versjon som aldri ble vedtatt.",
  liveText: "Ny levende tekst skrevet etter vedtaket.",
  draftTitle: "Utkast om voksenopplæring",
  draftText: "Utkast som ingen har sendt til behandling.",
  openTitle: "Anbefaling under behandling",
  openText: "Tekst som styringsgruppen fortsatt vurderer.",
  changesTitle: "Anbefaling med ønskede endringer",
  changesText: "Tekst der styringsgruppen ba om endringer.",
  areaFirst: "Inkludering i arbeidslivet",
  areaSecond: "Livslang læring for alle",
};
let approved: Awaited<ReturnType<typeof buildDecidedRequest>>;
let open: Awaited<ReturnType<typeof buildDecidedRequest>>;
let changes: Awaited<ReturnType<typeof buildDecidedRequest>>;
let draftId: string;

const unapproved = () => [T.rejectedEarlier, T.laterVersion, T.liveText, T.draftTitle, T.draftText, T.openTitle, T.openText, T.changesTitle, T.changesText];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  anonymous = new TestClient(baseUrl);
  slug = `offentlig-${Date.now().toString(36)}`;
  const forum = await db.forum.create({ data: { slug, name: "Kompetanseforum Ørland", publicPage: true }, select: { id: true } });
  forumId = forum.id;
  const group = await db.group.create({ data: { forumId, kind: "COMPETENCE", name: "Kompetansegruppe inkludering" }, select: { id: true } });
  const [first, second] = await Promise.all([
    db.targetArea.create({ data: { forumId, name: T.areaFirst, sortOrder: 1 }, select: { id: true } }),
    db.targetArea.create({ data: { forumId, name: T.areaSecond, sortOrder: 2 }, select: { id: true } }),
  ]);
  const author = await buildUser(db, forumId, { groupIds: [group.id] });
  const lead = await buildUser(db, forumId, { name: "Sigrid Ødegård" });

  // The approved recommendation: an earlier rejected version, the approved one, a later version and new live text.
  const rejected = await buildDecidedRequest(db, {
    groupId: group.id, title: T.approvedTitle, status: "REJECTED", paragraphs: ["Lærlinger", T.rejectedEarlier], requestedById: author.id,
    decidedById: lead.id, outcomeStatement: "Avvist.", targetAreaIds: [second.id, first.id], decidedAt: new Date(Date.now() - 86400_000 * 3),
  });
  approved = await buildDecidedRequest(db, {
    groupId: group.id, documentId: rejected.documentId, status: "APPROVED", paragraphs: ["Lærlinger", T.approvedText], requestedById: author.id,
    votes: [{ userId: lead.id, choice: "APPROVE", reason: "Enig." }], decidedById: lead.id, outcomeStatement: T.approvedStatement,
  });
  const later = await db.documentVersion.findUniqueOrThrow({ where: { id: approved.version.id } });
  await db.documentVersion.create({
    data: { documentId: approved.documentId, number: later.number + 1, kind: "MANUAL", state: later.state, sha256: "f".repeat(64), html: `<p>${T.laterVersion}</p>`, text: T.laterVersion, createdById: author.id },
  });
  await setLiveText(db, approved.documentId, [T.liveText]);

  // Never public: a draft, an open request, and changes requested (even with approvedVersionId forced onto it).
  draftId = (await db.document.create({ data: { forumId, groupId: group.id, kind: "RECOMMENDATION", title: T.draftTitle, createdById: author.id }, select: { id: true } })).id;
  await setLiveText(db, draftId, [T.draftText]);
  open = await buildDecidedRequest(db, { groupId: group.id, title: T.openTitle, status: "OPEN", paragraphs: ["Åpen", T.openText], requestedById: author.id, targetAreaIds: [first.id] });
  changes = await buildDecidedRequest(db, {
    groupId: group.id, title: T.changesTitle, status: "CHANGES_REQUESTED", paragraphs: ["Endringer", T.changesText], requestedById: author.id,
    decidedById: lead.id, outcomeStatement: "Skriv om avsnitt to.", targetAreaIds: [first.id],
  });
  await db.document.update({ where: { id: changes.documentId }, data: { approvedVersionId: changes.version.id } });

  // A forum with an approved recommendation whose public page is off.
  privateSlug = `privat-${Date.now().toString(36)}`;
  const priv = await db.forum.create({ data: { slug: privateSlug, name: "Privat forum", publicPage: false }, select: { id: true } });
  const privGroup = await db.group.create({ data: { forumId: priv.id, kind: "COMPETENCE", name: "Gruppe" }, select: { id: true } });
  const privAuthor = await buildUser(db, priv.id, { groupIds: [privGroup.id] });
  privateDocId = (await buildDecidedRequest(db, { groupId: privGroup.id, title: "Hemmelig anbefaling", status: "APPROVED", paragraphs: ["Hemmelig tekst"], requestedById: privAuthor.id, decidedById: privAuthor.id })).documentId;
});
afterAll(async () => {
  await db.$disconnect();
});

/** Every script tag carries the response's CSP nonce (the page works under our CSP). */
function expectScriptsUnderCsp(res: Response, html: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
}

describe("public page of approved recommendations", () => {
  it("shows an anonymous visitor exactly the approved version, grouped by target area, in Norwegian", async () => {
    const res = await anonymous.fetch(`/p/${slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="nb"');
    expect(html).toContain("Godkjente anbefalinger");
    expect(html).toContain(T.approvedTitle);
    expect(html).toContain(T.approvedText);
    expect(html).toContain(T.approvedStatement);
    expect(html).toContain(approved.version.sha256);
    const decidedAt = (await db.approvalRequest.findUniqueOrThrow({ where: { id: approved.request.id } })).decidedAt!;
    expect(html).toContain(formatDate(decidedAt, "nb"));
    expect(html).toContain(`href="/p/${slug}/${approved.documentId}"`);
    expect(html).toContain(`href="/p/${slug}/feed.xml"`);
    // Under its first target area (by the forum's order), which is the only section.
    expect(html).toMatch(new RegExp(`<h2 id="area-0">${T.areaFirst}</h2>`));
    expect(html).not.toContain(`>${T.areaSecond}</h2>`);
    for (const text of unapproved()) expect(html, text).not.toContain(text);
    expect(html.match(/<article /g)?.length).toBe(1);
    expectScriptsUnderCsp(res, html);
  });

  it("gives the approved recommendation its own page, and nothing else one", async () => {
    const res = await anonymous.fetch(`/p/${slug}/${approved.documentId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<h1>${T.approvedTitle}</h1>`));
    expect(html).toContain(T.approvedText);
    expect(html).toContain(approved.version.sha256);
    for (const text of unapproved()) expect(html, text).not.toContain(text);
    expectScriptsUnderCsp(res, html);
    for (const id of [draftId, open.documentId, changes.documentId, "no-such-document", privateDocId]) {
      expect((await anonymous.fetch(`/p/${slug}/${id}`)).status, id).toBe(404);
    }
  });

  it("has a valid Atom feed with exactly one entry: the approved version", async () => {
    const res = await anonymous.fetch(`/p/${slug}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    const head = xml.slice(0, xml.indexOf("<entry>"));
    expect(head).toMatch(/<id>tag:localhost,\d{4}-\d{2}-\d{2}:samrad\/forum\/[^<]+<\/id>/);
    expect(head).toContain("<title>Kompetanseforum Ørland: godkjente anbefalinger</title>");
    expect(head).toMatch(/<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/updated>/);
    expect(head).toContain(`<link rel="self" type="application/atom+xml" href="${baseUrl}/p/${slug}/feed.xml"/>`);
    expect(head).toContain("<author><name>Kompetanseforum Ørland</name></author>");
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toContain(`<id>tag:localhost,`);
    expect(entry).toContain(`:samrad/version/${approved.version.id}</id>`);
    expect(entry).toContain(`<title>${T.approvedTitle} (versjon ${approved.version.number})</title>`);
    expect(entry).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
    expect(entry).toContain(`<link rel="alternate" type="text/html" href="${baseUrl}/p/${slug}/${approved.documentId}"/>`);
    expect(entry).toContain('<content type="html">&lt;h3&gt;Lærlinger&lt;/h3&gt;');
    expect(entry).toContain(T.approvedText);
    expect(entry).toContain(approved.version.sha256);
    for (const text of unapproved()) expect(xml, text).not.toContain(text);
    // Well-formed enough for any reader: no raw markup inside the content.
    expect(/<content type="html">([\s\S]*?)<\/content>/.exec(entry)![1]).not.toMatch(/[<>]/);
  });

  it("writes the stored HTML out through an allow-list (defence in depth)", async () => {
    const original = await db.documentVersion.findUniqueOrThrow({ where: { id: approved.version.id }, select: { html: true } });
    await db.documentVersion.update({
      where: { id: approved.version.id },
      data: { html: `${original.html}<script>window.samradHacked=1</script><p onclick="window.samradHacked=2">Trygg ekstra</p><a href="javascript:alert(1)">lenke</a>` },
    });
    try {
      const html = await (await anonymous.fetch(`/p/${slug}`)).text();
      expect(html).toContain("<p>Trygg ekstra</p>");
      expect(html).not.toContain("samradHacked");
      expect(html).not.toContain("javascript:alert");
      const feed = await (await anonymous.fetch(`/p/${slug}/feed.xml`)).text();
      expect(feed).not.toContain("samradHacked");
    } finally {
      await db.documentVersion.update({ where: { id: approved.version.id }, data: { html: original.html } });
    }
  });

  it("answers 404 on page, document page and feed when the public page is off, the same as for an unknown forum", async () => {
    const unknownFeed = await anonymous.fetch(`/p/no-such-forum-${Date.now()}/feed.xml`);
    expect(unknownFeed.status).toBe(404);
    const unknownFeedBody = await unknownFeed.text();
    const check = async (s: string, docId: string) => {
      for (const path of [`/p/${s}`, `/p/${s}/${docId}`]) {
        const res = await anonymous.fetch(path);
        expect(res.status, path).toBe(404);
        const html = await res.text();
        expect(html).toContain("Siden finnes ikke");
        expect(html).not.toContain("Hemmelig");
        expect(html).not.toContain(T.approvedText);
      }
      const feed = await anonymous.fetch(`/p/${s}/feed.xml`);
      expect(feed.status).toBe(404);
      expect(await feed.text()).toBe(unknownFeedBody);
    };
    await check(privateSlug, privateDocId);
    await check("ostfold", privateDocId);
    await check(`no-such-forum-${Date.now()}`, approved.documentId);
    // Turning the switch off closes an open page at once.
    await db.forum.update({ where: { id: forumId }, data: { publicPage: false } });
    try {
      await check(slug, approved.documentId);
    } finally {
      await db.forum.update({ where: { id: forumId }, data: { publicPage: true } });
    }
  });
});
