import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { buildDecidedRequest, testDb } from "../support/factories.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";

// Work that must run once, with two real instances on one database: both look for due reminders
// every 300 ms, side by side, and each reminder still goes out once (the "reminders" lease in the
// database, and a vote reminder marked before it is queued). Shared by whichever database
// TEST_DATABASE picks; the instances need no Redis for this.

const until = async (check: () => Promise<boolean>, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

let a: RunningServer;
let b: RunningServer;
let db: Db;
const fast = { REMINDER_FIRST_MS: "1000", REMINDER_INTERVAL_MS: "300" };

beforeAll(async () => {
  a = await startServer("jobs", fast);
  b = await startServer("jobs", fast, { keepDatabase: true });
  db = testDb(a.dbUrl);
}, 120_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await db?.$disconnect();
});

describe("two instances", () => {
  it("send each due-date and vote reminder once, although both look every 300 ms", async () => {
    const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE", name: "Kompetansegruppe inkludering" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "relevant2@samrad.example" } });
    const day = 24 * 3600_000;
    // Items come in batches while both instances are looking: every batch is a chance for their
    // rounds to overlap, and a batch is large enough that a round takes a while.
    const soon = Array.from({ length: 300 }, (_, i) => `Frist i morgen ${String(i).padStart(3, "0")}`);
    const titles = [...soon, "Forfalt for en uke siden"];
    for (let batch = 0; batch < 6; batch++) {
      await db.actionItem.createMany({
        data: titles.slice(batch * 50, batch === 5 ? undefined : (batch + 1) * 50).map((title) => ({
          forumId: group.forumId, groupId: group.id, title, status: "OPEN" as const, ownerId: owner.id, dueDate: new Date(Date.now() + (title.startsWith("Forfalt") ? -7 * day : day)), createdById: owner.id,
        })),
      });
      await new Promise((r) => setTimeout(r, 450));
    }
    const request = await buildDecidedRequest(db, { groupId: group.id, status: "OPEN", paragraphs: ["Til vedtak"], requestedById: owner.id });
    await db.approvalRequest.update({ where: { id: request.request.id }, data: { wishedDecisionDate: new Date(Date.now() + day) } });
    const steering = await db.group.findFirstOrThrow({ where: { forumId: group.forumId, kind: "STEERING" }, select: { memberships: { select: { userId: true } } } });
    expect(steering.memberships.length).toBeGreaterThan(1);

    const dueNotices = () => db.notification.findMany({ where: { actionItem: { title: { in: titles } } }, select: { type: true, actionItem: { select: { title: true } } } });
    await until(async () => (await dueNotices()).length >= titles.length, "the due-date reminders");
    await until(async () => (await db.approvalRequest.findUniqueOrThrow({ where: { id: request.request.id } })).reminderSentAt !== null, "the vote reminder");
    // Both instances keep looking for a while: nothing more may come.
    await new Promise((r) => setTimeout(r, 2500));
    const notices = await dueNotices();
    expect(notices.map((n) => `${n.type} ${n.actionItem!.title}`).sort()).toEqual([...soon.map((t) => `DUE_SOON ${t}`), "OVERDUE Forfalt for en uke siden"]);
    const votes = await db.notification.findMany({ where: { type: "VOTE_REMINDER", documentId: request.documentId }, select: { userId: true } });
    expect(votes.map((v) => v.userId).sort()).toEqual(steering.memberships.map((m) => m.userId).sort());
  }, 90_000);
});
