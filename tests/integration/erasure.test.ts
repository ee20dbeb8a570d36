import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDecidedRequest, buildDocument, buildUser, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { DatabaseCopies, runAuditVerify } from "../support/audit-copies.ts";

// Erasure of a person (GDPR art. 17) against the real server and SQLite: a person with a
// distinctive name and e-mail signs in, comments, is mentioned, votes, owns an action, follows a
// document and gets notifications; an administrator erases them; then no page, API answer or
// export shows their old name or e-mail, they cannot sign in, and the audit chain still verifies
// (while altering what erasure left of an entry does not).

const OLD_NAME = "Zacharias Quillfeather";
const FIRST_NAME = "Zacharias Q. Erasable";
const EMAIL = "zq.erasure-target@example.test";
/** What must appear nowhere afterwards (compared case-insensitively). */
const SECRETS = ["Quillfeather", "zq.erasure-target", "Erasable"];

const leaks = (text: string) => SECRETS.filter((s) => text.toLowerCase().includes(s.toLowerCase()));

describe("erasure of a person", () => {
  let server: RunningServer;
  let db: Db;
  let admin: TestClient;
  let marte: TestClient;
  let ole: TestClient;
  let victim: TestClient;
  let victimId: string;
  let groupId: string;
  let steeringId: string;
  let documentId: string;
  let actionId: string;
  let requestId: string;
  let pseudonym: string;
  const copies = new DatabaseCopies(() => server?.database);

  beforeAll(async () => {
    server = await startServer("erasure");
    db = testDb(server.dbUrl);
    const forum = await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } });
    groupId = (await db.group.findFirstOrThrow({ where: { forumId: forum.id, name: "Kompetansegruppe relevant kompetanse" } })).id;
    steeringId = (await db.group.findFirstOrThrow({ where: { forumId: forum.id, kind: "STEERING" } })).id;
    const person = await buildUser(db, forum.id, { name: FIRST_NAME, email: EMAIL, groupIds: [groupId, steeringId] });
    victimId = person.id;
    // They sign in through the county's identity provider too, and were invited by address once.
    const provider = await db.identityProvider.create({
      data: { forumId: forum.id, slug: "erasure-idp", displayName: "Fylkets innlogging", issuer: "https://idp.example.com", clientId: "samrad", clientSecret: "v1.x.y.z" },
    });
    await db.userIdentity.create({ data: { userId: victimId, providerId: provider.id, subject: "county-sub-17" } });
    await db.invitation.create({ data: { forumId: forum.id, email: EMAIL, acceptedAt: new Date() } });

    admin = await signedIn(server.url, "admin@samrad.example", DEMO_PASSWORD);
    marte = await signedIn(server.url, "relevant1@samrad.example", DEMO_PASSWORD);
    ole = await signedIn(server.url, "relevant2@samrad.example", DEMO_PASSWORD);
    const leader = await signedIn(server.url, "prosjektleder@samrad.example", DEMO_PASSWORD);
    // A failed sign-in (LoginAttempt, audited with the client address), then a real one.
    await new TestClient(server.url).signIn(EMAIL, "not-the-password");
    victim = await signedIn(server.url, EMAIL, FACTORY_PASSWORD);
    // They rename themselves: the audit log holds both names.
    expect((await victim.json("/api/account", "PATCH", { name: OLD_NAME })).status).toBe(200);

    // They own an action (and are notified of it).
    const created = await leader.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", { title: "Kartlegge fagbrev i regionen", ownerId: victimId });
    expect(created.status).toBe(201);
    actionId = ((await created.json()) as { item: { id: string } }).item.id;
    // They comment (mentioning Marte); Marte answers, mentioning them and Ole.
    const thread = await victim.json(`/api/forums/ostfold/actions/${actionId}/threads`, "POST", { body: "Jeg tar denne. @Marte Nilsen, ser du på budsjettet?" });
    expect(thread.status, await thread.clone().text()).toBe(201);
    const threadId = ((await thread.json()) as { thread: { id: string } }).thread.id;
    const reply = await marte.json(`/api/forums/ostfold/threads/${threadId}/comments`, "POST", { body: `Takk @${OLD_NAME}! @Ole Johansen bør også se på dette. Skriv til ${EMAIL} ved spørsmål.` });
    expect(reply.status, await reply.clone().text()).toBe(201);

    // They follow a document, keep a saved view and vote on an approval.
    documentId = (await buildDocument(db, groupId, { title: "Notat om fagbrev" })).id;
    expect((await victim.fetch(`/api/forums/ostfold/documents/${documentId}/follow`, { method: "POST" })).status).toBe(200);
    expect((await victim.json("/api/forums/ostfold/views", "POST", { name: "Mine", scope: "overview", query: "status=OPEN" })).status).toBe(201);
    const marteId = (await db.user.findUniqueOrThrow({ where: { email: "relevant1@samrad.example" } })).id;
    const request = await buildDecidedRequest(db, { groupId, status: "OPEN", paragraphs: ["Vi anbefaler flere lærlingplasser."], requestedById: marteId });
    requestId = request.request.id;
    const vote = await victim.json(`/api/forums/ostfold/approvals/${requestId}/vote`, "PUT", { choice: "APPROVE", reason: "" });
    expect(vote.status, await vote.clone().text()).toBe(200);
    // A grouped change notice to Ole that names them as an editor (as the digest writes it).
    const oleId = (await db.user.findUniqueOrThrow({ where: { email: "relevant2@samrad.example" } })).id;
    await db.notification.create({
      data: { userId: oleId, forumId: forum.id, type: "DOCUMENT_CHANGED", documentId, title: "Notat om fagbrev", detail: JSON.stringify({ changes: 2, editors: [OLD_NAME] }) },
    });
    // Everything above happened.
    expect(await db.notification.count({ where: { userId: victimId } })).toBeGreaterThan(0);
    expect(await db.documentFollow.count({ where: { userId: victimId } })).toBe(1);
    expect(await db.loginAttempt.count({ where: { email: EMAIL } })).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { OR: [{ after: { contains: "Quillfeather" } }, { before: { contains: "Erasable" } }] } })).toBeGreaterThan(0);
  }, 180_000);

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await copies.removeAll();
  });

  it("is refused to non-administrators, for oneself and without the confirmation", async () => {
    expect((await marte.json(`/api/forums/ostfold/users/${victimId}/erasure`, "POST", { confirm: true })).status).toBe(403);
    const adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@samrad.example" } })).id;
    expect((await admin.json(`/api/forums/ostfold/users/${adminId}/erasure`, "POST", { confirm: true })).status).toBe(409);
    expect((await admin.json(`/api/forums/ostfold/users/${victimId}/erasure`, "POST", {})).status).toBe(400);
    expect((await admin.json(`/api/forums/ostfold/users/${victimId}/erasure`, "POST", { confirm: true }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: victimId } })).erasedAt).toBeNull();
  });

  it("replaces the person by a pseudonym and removes what was only theirs", async () => {
    const res = await admin.json(`/api/forums/ostfold/users/${victimId}/erasure`, "POST", { confirm: true });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { pseudonym: string; pseudonymNo: number; redacted: number };
    pseudonym = body.pseudonym;
    expect(pseudonym).toBe(`Tidligere medlem ${body.pseudonymNo}`);
    expect(body.redacted).toBeGreaterThan(0);
    const user = await db.user.findUniqueOrThrow({ where: { id: victimId } });
    expect(user).toMatchObject({ name: pseudonym, email: `erased-${body.pseudonymNo}@invalid.samrad`, passwordHash: "", locale: "nb" });
    expect(user.erasedAt).not.toBeNull();
    expect(user.disabledAt).not.toBeNull();
    expect(await db.notification.count({ where: { userId: victimId } })).toBe(0);
    expect(await db.documentFollow.count({ where: { userId: victimId } })).toBe(0);
    expect(await db.savedView.count({ where: { userId: victimId } })).toBe(0);
    expect(await db.userIdentity.count({ where: { userId: victimId } })).toBe(0);
    expect(await db.invitation.count({ where: { email: EMAIL } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { email: EMAIL } })).toBe(0);
    expect(await db.forumMember.count({ where: { userId: victimId } })).toBe(0);
    expect(await db.membership.count({ where: { userId: victimId } })).toBe(0);
    // History stays with the id: the vote, the action's owner, the comment.
    expect(await db.vote.count({ where: { userId: victimId } })).toBe(1);
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: actionId } })).ownerId).toBe(victimId);
    expect(await db.comment.count({ where: { authorId: victimId } })).toBe(1);
    // A second erasure is refused with its own message.
    const again = await admin.json(`/api/forums/ostfold/users/${victimId}/erasure`, "POST", { confirm: true });
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(/allerede slettet|already been erased/);
  });

  it("shows the old name and e-mail on no page, API answer or export", async () => {
    const pages: [TestClient, string][] = [
      [marte, `/f/ostfold/groups/${groupId}`],
      [marte, `/f/ostfold/groups/${steeringId}`],
      [marte, `/f/ostfold/groups/${groupId}/documents/${documentId}`],
      [marte, `/f/ostfold/groups/${groupId}/actions`],
      [marte, `/f/ostfold/groups/${groupId}/actions?view=table`],
      [marte, `/f/ostfold/groups/${groupId}/actions/${actionId}`],
      [marte, "/f/ostfold/actions"],
      [marte, "/f/ostfold/approvals"],
      [marte, "/f/ostfold/notifications"],
      [ole, "/f/ostfold/notifications"],
      [marte, `/f/ostfold/search?q=${encodeURIComponent(OLD_NAME)}`],
      [marte, "/f/ostfold/search?q=Quillfeather"],
      [admin, "/f/ostfold/admin/users"],
      [admin, "/f/ostfold/admin/audit"],
      [marte, `/api/forums/ostfold/actions/${actionId}/threads`],
      [marte, `/api/forums/ostfold/actions/${actionId}`],
      [marte, `/api/forums/ostfold/approvals/${requestId}`],
      [marte, "/api/forums/ostfold/search?q=Quillfeather"],
      [marte, `/api/forums/ostfold/search?q=${encodeURIComponent("zq.erasure")}`],
      [admin, "/api/forums/ostfold/members"],
      [admin, "/api/forums/ostfold/actions.csv"],
    ];
    let sawPseudonym = false;
    for (const [client, path] of pages) {
      const res = await client.fetch(path);
      // A search page repeats the words searched for; those are the searcher's own, not a hit.
      const query = new URL(path, server.url).searchParams.get("q");
      const raw = await res.text();
      const text = query ? [query, encodeURIComponent(query), query.replaceAll(" ", "+")].reduce((t, q) => t.replaceAll(q, ""), raw) : raw;
      expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
      expect(leaks(text), path).toEqual([]);
      if (text.includes(pseudonym)) sawPseudonym = true;
    }
    expect(sawPseudonym).toBe(true);
    // The action page names the owner by the pseudonym; the comment mentions it instead of the name.
    expect(await (await marte.fetch(`/f/ostfold/groups/${groupId}/actions/${actionId}`)).text()).toContain(pseudonym);
    const comments = await db.comment.findMany({ where: { thread: { actionItemId: actionId } }, select: { body: true } });
    expect(comments.map((c) => c.body).join("\n")).toContain(`@${pseudonym}`);
    // The audit log page marks what was removed.
    expect(await (await admin.fetch("/f/ostfold/admin/audit")).text()).toContain("fjernet (personvern)");
    // Search finds nothing by the old name.
    const hits = (await (await marte.fetch("/api/forums/ostfold/search?q=Quillfeather")).json()) as { hits: unknown[] };
    expect(hits.hits).toEqual([]);
  });

  it("ends their sessions and they cannot sign in again", async () => {
    const page = await victim.fetch("/f/ostfold");
    expect([302, 303, 307, 401, 404]).toContain(page.status);
    for (const email of [EMAIL, (await db.user.findUniqueOrThrow({ where: { id: victimId } })).email]) {
      const client = new TestClient(server.url);
      await client.signIn(email, FACTORY_PASSWORD);
      expect(client.hasSession()).toBe(false);
    }
  });

  it("leaves an audit chain that verifies, and one that fails when erased content is altered", async () => {
    const ok = await runAuditVerify(server.database);
    expect(ok.out).not.toMatch(/BROKEN/);
    expect(ok.code, ok.out).toBe(0);
    const redacted = await db.auditEvent.findMany({ where: { redactedAt: { not: null } }, orderBy: { id: "asc" } });
    expect(redacted.length).toBeGreaterThan(0);
    for (const e of redacted) expect(leaks(`${e.before ?? ""}${e.after ?? ""}`)).toEqual([]);
    // No IP of theirs is left: every entry they acted in, or a failed sign-in on their account, has none.
    const withAddress = await db.auditEvent.findMany({ where: { OR: [{ actorId: victimId }, { entityId: victimId, actorId: null }], ip: { not: null } } });
    expect(withAddress.map((e) => e.action)).toEqual([]);
    const erase = await db.auditEvent.findFirstOrThrow({ where: { action: "user.erase", entityId: victimId } });
    expect(leaks(erase.after ?? "")).toEqual([]);

    await db.$disconnect();
    await server.stop();
    // A redacted entry whose remaining content is altered.
    const withContent = redacted.find((e) => e.after !== null || e.before !== null)!;
    expect(withContent).toBeDefined();
    const altered = await copies.copy("altered");
    await altered.db.auditEvent.update({ where: { id: withContent.id }, data: withContent.after !== null ? { after: JSON.stringify({ reason: "forged" }) } : { before: "{}" } });
    await altered.db.$disconnect();
    const bad = await runAuditVerify(altered.database);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/redacted content altered/);
    // An erased column filled in again with other text.
    const emptied = redacted.find((e) => e.ip === null && e.ipDigest !== null)!;
    const unredacted = await copies.copy("unredacted");
    await unredacted.db.auditEvent.update({ where: { id: emptied.id }, data: { ip: "203.0.113.9" } });
    await unredacted.db.$disconnect();
    const bad2 = await runAuditVerify(unredacted.database);
    expect(bad2.code).toBe(1);
    expect(bad2.out).toMatch(/BROKEN/);
    // Content emptied without the erasure's mark is an alteration too.
    const unmarked = await copies.copy("unmarked");
    const plain = await unmarked.db.auditEvent.findFirstOrThrow({ where: { redactedAt: null, after: { not: null }, scheme: 2 } });
    await unmarked.db.auditEvent.update({ where: { id: plain.id }, data: { after: null } });
    await unmarked.db.$disconnect();
    expect((await runAuditVerify(unmarked.database)).code).toBe(1);
  }, 120_000);
});
