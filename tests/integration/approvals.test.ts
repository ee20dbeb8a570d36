import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";
import { covers, trackSaved, until, yClient, type YClient } from "../support/yjs-client.ts";

// The steering group's decisions: a frozen version nobody can change, the forum's rules at their
// edges, and exactly one outcome however many close at once.

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let forumId: string;
let c: Record<"member" | "leader" | "otherGroup" | "lead" | "steering2" | "steering3", TestClient>;
const open: YClient[] = [];

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } });
  groupId = group.id;
  forumId = group.forumId;
  const as = (email: string) => signedIn(baseUrl, email, DEMO_PASSWORD);
  c = {
    member: await as("relevant1@samrad.example"), leader: await as("prosjektleder@samrad.example"), otherGroup: await as("livslang2@samrad.example"),
    lead: await as("styring1@samrad.example"), steering2: await as("styring2@samrad.example"), steering3: await as("styring3@samrad.example"),
  };
});
afterAll(async () => {
  for (const o of open) o.destroy();
  await db.forum.update({ where: { id: forumId }, data: { decisionQuorum: 3, decisionMajority: 50, decisionBlockStops: true, decisionCloser: "STEERING_LEAD" } });
  await db.$disconnect();
});

interface Approval {
  id: string;
  status: string;
  version: { id: string; number: number; sha256: string };
  votes: { name: string; choice: string }[];
  abilities: { vote: boolean; close: boolean };
}

async function newRecommendation(text: string) {
  const res = await c.member.json(`/api/forums/ostfold/groups/${groupId}/documents`, "POST", { title: `Anbefaling ${Date.now()} ${Math.random()}`, kind: "RECOMMENDATION" });
  expect(res.status).toBe(201);
  const { document } = (await res.json()) as { document: { id: string } };
  // Write its text through a stock y-websocket client, as an editor would, and wait until stored.
  const client = yClient(baseUrl, `document.${document.id}`, { cookie: c.member.cookieHeader() });
  open.push(client);
  const saved = trackSaved(client);
  await until(() => client.provider.synced, "synced");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.doc.getXmlFragment("default").insert(0, [paragraph]);
  await until(() => covers(saved.latest(), Y.decodeStateVector(Y.encodeStateVector(client.doc))), "saved");
  return { id: document.id, client };
}

async function submit(documentId: string): Promise<Approval> {
  const res = await c.member.json(`/api/forums/ostfold/documents/${documentId}/approvals`, "POST", { coverNote: "Ber om vedtak.", wishedDecisionDate: "2030-01-10" });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { approval: Approval }).approval;
}

const vote = (client: TestClient, id: string, choice: string, reason = "") => client.json(`/api/forums/ostfold/approvals/${id}/vote`, "PUT", { choice, reason });
const close = (client: TestClient, id: string, outcome: string) => client.json(`/api/forums/ostfold/approvals/${id}/close`, "POST", { outcome, statement: "Styringsgruppen har behandlet saken." });
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

describe("submitting freezes a version", () => {
  it("stores the text as it is saved, with a SHA-256 of exactly the stored state; later edits never reach it", async () => {
    const doc = await newRecommendation("Flere læreplasser i helsefag.");
    const approval = await submit(doc.id);
    const version = await db.documentVersion.findUniqueOrThrow({ where: { id: approval.version.id } });
    expect(version.kind).toBe("SUBMISSION");
    expect(version.text).toContain("Flere læreplasser i helsefag.");
    expect(version.sha256).toBe(createHash("sha256").update(version.state).digest("hex"));
    expect(approval.version.sha256).toBe(version.sha256);
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe("IN_REVIEW");

    // The draft goes on; the version does not move.
    const saved = trackSaved(doc.client);
    const more = new Y.XmlElement("paragraph");
    more.insert(0, [new Y.XmlText("Endret etter innsending.")]);
    doc.client.doc.getXmlFragment("default").push([more]);
    await until(() => covers(saved.latest(), Y.decodeStateVector(Y.encodeStateVector(doc.client.doc))), "edit saved");
    expect(await db.documentVersion.findUniqueOrThrow({ where: { id: version.id } })).toEqual(version);
    expect(version.text).not.toContain("Endret etter innsending.");

    // No path writes a version: not a second request on the same document, not a socket on the version's id.
    expect((await c.member.json(`/api/forums/ostfold/documents/${doc.id}/approvals`, "POST", {})).status).toBe(409);
    const sock = yClient(baseUrl, `document.${version.id}`, { cookie: c.member.cookieHeader() });
    open.push(sock);
    await until(() => sock.closeCodes.includes(4404), "a version is not a room");
    expect(await db.documentVersion.findUniqueOrThrow({ where: { id: version.id } })).toEqual(version);
  });

  it("is for those who work in the group, and for recommendations only", async () => {
    const doc = await newRecommendation("Tekst.");
    expect((await c.lead.json(`/api/forums/ostfold/documents/${doc.id}/approvals`, "POST", {})).status).toBe(403);
    expect((await c.otherGroup.json(`/api/forums/ostfold/documents/${doc.id}/approvals`, "POST", {})).status).toBe(403);
    const note = await c.member.json(`/api/forums/ostfold/groups/${groupId}/documents`, "POST", { title: `Notat ${Date.now()}`, kind: "NOTE" });
    const { document } = (await note.json()) as { document: { id: string } };
    expect((await c.member.json(`/api/forums/ostfold/documents/${document.id}/approvals`, "POST", {})).status).toBe(400);
    expect(await db.approvalRequest.count({ where: { documentId: { in: [doc.id, document.id] } } })).toBe(0);
  });
});

describe("votes and the forum's rules", () => {
  it("only steering members vote; objections and blocks need a reason; a vote can be changed", async () => {
    const approval = await submit((await newRecommendation("Stemmerett.")).id);
    expect((await vote(c.member, approval.id, "APPROVE")).status).toBe(403);
    expect((await vote(c.leader, approval.id, "APPROVE")).status).toBe(403);
    const noReason = await vote(c.steering2, approval.id, "OBJECT");
    expect(noReason.status).toBe(400);
    expect(await message(noReason)).toBe("Ugyldige data: reason: må fylles ut ved innsigelse og blokkering");
    expect((await vote(c.steering2, approval.id, "OBJECT", "Mangler kostnadsoverslag.")).status).toBe(200);
    expect((await vote(c.steering2, approval.id, "APPROVE")).status).toBe(200);
    const votes = await db.vote.findMany({ where: { approvalRequestId: approval.id } });
    expect(votes.map((v) => v.choice)).toEqual(["APPROVE"]);
    expect(await db.auditEvent.count({ where: { entityId: approval.id, action: { in: ["approval.vote", "approval.vote.change"] } } })).toBe(2);
  });

  it("quorum: one vote short is refused with the reason; the vote that completes it allows the outcome", async () => {
    const approval = await submit((await newRecommendation("Beslutningsdyktig.")).id);
    await vote(c.lead, approval.id, "APPROVE");
    await vote(c.steering2, approval.id, "APPROVE");
    const short = await close(c.lead, approval.id, "APPROVED");
    expect(short.status).toBe(409);
    expect(await message(short)).toBe("For få stemmer: 3 av 3 trengs, 2 er avgitt.");
    await vote(c.steering3, approval.id, "ABSTAIN");
    expect((await close(c.lead, approval.id, "APPROVED")).status).toBe(200);
    const doc = await db.document.findFirstOrThrow({ where: { approvalRequests: { some: { id: approval.id } } } });
    expect(doc.status).toBe("APPROVED");
    expect(doc.approvedVersionId).toBe(approval.version.id);
  });

  it("a single block stops approval (while the rule says so), but not changes requested", async () => {
    const approval = await submit((await newRecommendation("Blokkering.")).id);
    await vote(c.lead, approval.id, "APPROVE");
    await vote(c.steering2, approval.id, "APPROVE");
    await vote(c.steering3, approval.id, "BLOCK", "Strider mot fylkets strategi.");
    const blocked = await close(c.lead, approval.id, "APPROVED");
    expect(blocked.status).toBe(409);
    expect(await message(blocked)).toBe("Kan ikke godkjennes: 1 blokkering stopper godkjenning.");
    expect((await close(c.lead, approval.id, "CHANGES_REQUESTED")).status).toBe(200);
  });

  it("a tie is not a majority; approving votes cannot be turned into a rejection", async () => {
    const tie = await submit((await newRecommendation("Likt.")).id);
    await vote(c.lead, tie.id, "APPROVE");
    await vote(c.steering2, tie.id, "OBJECT", "Uenig.");
    await vote(c.steering3, tie.id, "ABSTAIN");
    const approve = await close(c.lead, tie.id, "APPROVED");
    expect(approve.status).toBe(409);
    expect(await message(approve)).toBe("Kan ikke godkjennes: 1 av 2 godkjenner, og det trengs mer enn 50 %.");
    expect((await close(c.lead, tie.id, "REJECTED")).status).toBe(200);

    const yes = await submit((await newRecommendation("Ja.")).id);
    for (const who of [c.lead, c.steering2, c.steering3]) await vote(who, yes.id, "APPROVE");
    const reject = await close(c.lead, yes.id, "REJECTED");
    expect(reject.status).toBe(409);
    expect(await message(reject)).toContain("Stemmene godkjenner anbefalingen (3 av 3)");
  });

  it("only the closer the rule names records the outcome; with the block rule off, a block no longer stops", async () => {
    await db.forum.update({ where: { id: forumId }, data: { decisionBlockStops: false, decisionCloser: "PROJECT_LEADER" } });
    try {
      const approval = await submit((await newRecommendation("Uten blokkeringsregel.")).id);
      await vote(c.lead, approval.id, "APPROVE");
      await vote(c.steering2, approval.id, "APPROVE");
      await vote(c.steering3, approval.id, "BLOCK", "Sterk innvending.");
      expect((await close(c.lead, approval.id, "APPROVED")).status).toBe(403);
      expect((await close(c.leader, approval.id, "APPROVED")).status).toBe(200);
    } finally {
      await db.forum.update({ where: { id: forumId }, data: { decisionBlockStops: true, decisionCloser: "STEERING_LEAD" } });
    }
  });
});

describe("the outcome is recorded once", () => {
  it("20 concurrent close calls give one outcome and one audit entry", async () => {
    const approval = await submit((await newRecommendation("Samtidig.")).id);
    for (const who of [c.lead, c.steering2, c.steering3]) await vote(who, approval.id, "APPROVE");
    const results = await Promise.all(Array.from({ length: 20 }, () => close(c.lead, approval.id, "APPROVED")));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await db.auditEvent.count({ where: { entityId: approval.id, action: "approval.close" } })).toBe(1);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: approval.id } })).status).toBe("APPROVED");
    // And votes after the outcome are refused.
    expect((await vote(c.lead, approval.id, "OBJECT", "For sent.")).status).toBe(409);
  });

  it("tells every steering member about a request, and the submitting group about the outcome", async () => {
    const approval = await submit((await newRecommendation("Varsler.")).id);
    const steering = await db.user.findMany({ where: { email: { in: ["styring1@samrad.example", "styring2@samrad.example", "styring3@samrad.example"] } } });
    expect(await db.notification.count({ where: { approvalRequestId: approval.id, type: "APPROVAL_REQUESTED", userId: { in: steering.map((u) => u.id) } } })).toBe(3);
    for (const who of [c.lead, c.steering2, c.steering3]) await vote(who, approval.id, "APPROVE");
    await close(c.lead, approval.id, "APPROVED");
    const members = await db.membership.count({ where: { groupId } });
    // Everyone in the group but the one who closed (who is not in it) hears of it.
    expect(await db.notification.count({ where: { approvalRequestId: approval.id, type: "APPROVAL_DECIDED" } })).toBe(members);
  });
});
