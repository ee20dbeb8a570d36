import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { ownSeededDatabase } from "../support/own-database.ts";

// runRetention uses the process-wide database, so this file has a SQLite file of its own.
const own = ownSeededDatabase("retention");
let db: Db;
beforeAll(() => {
  db = own.db();
});

const DAY = 24 * 3600_000;
const now = new Date("2026-06-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

describe("retention", () => {
  it("deletes sign-in attempts older than their period and notifications read longer ago than theirs, in batches; unread ones stay", async () => {
    const { runRetention } = await import("../../lib/services/retention.ts");
    await db.loginAttempt.deleteMany({});
    await db.notification.deleteMany({});
    const user = await db.user.findUniqueOrThrow({ where: { email: "relevant2@samrad.example" }, select: { id: true } });
    const forum = await db.forum.findFirstOrThrow({ select: { id: true } });

    await db.loginAttempt.createMany({
      data: [
        ...Array.from({ length: 7 }, (_, i) => ({ email: "old@samrad.example", ip: "192.0.2.1", success: i % 2 === 0, createdAt: daysAgo(91 + i) })),
        { email: "young@samrad.example", ip: "192.0.2.2", success: false, createdAt: daysAgo(89) },
        { email: "now@samrad.example", ip: "192.0.2.3", success: true, createdAt: now },
      ],
    });
    const note = (title: string, createdAt: Date, readAt: Date | null) =>
      db.notification.create({ data: { userId: user.id, forumId: forum.id, type: "ASSIGNED", title, createdAt, readAt } });
    for (let i = 0; i < 5; i++) await note(`lest for lenge siden ${i}`, daysAgo(400), daysAgo(181 + i));
    await note("lest nylig", daysAgo(400), daysAgo(179));
    await note("ulest og gammel", daysAgo(2000), null);

    const deleted = await runRetention({ now, periods: { loginAttemptsDays: 90, readNotificationsDays: 180 }, batch: 2 });
    expect(deleted).toEqual({ loginAttempts: 7, readNotifications: 5 });
    expect((await db.loginAttempt.findMany({ orderBy: { email: "asc" } })).map((r) => r.email)).toEqual(["now@samrad.example", "young@samrad.example"]);
    expect((await db.notification.findMany({ orderBy: { title: "asc" } })).map((n) => n.title)).toEqual(["lest nylig", "ulest og gammel"]);

    // Nothing more to do: safe to run as often as you like.
    expect(await runRetention({ now, periods: { loginAttemptsDays: 90, readNotificationsDays: 180 } })).toEqual({ loginAttempts: 0, readNotifications: 0 });
  });

  it("takes its periods from the environment (RETENTION_LOGIN_ATTEMPTS_DAYS, RETENTION_READ_NOTIFICATIONS_DAYS; 90 and 180 by default)", async () => {
    const { retentionPeriods } = await import("../../lib/services/retention.ts");
    expect(retentionPeriods()).toEqual({ loginAttemptsDays: 90, readNotificationsDays: 180 });
  });
});
