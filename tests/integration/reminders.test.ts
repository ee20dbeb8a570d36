import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { ownSeededDatabase } from "../support/own-database.ts";

// runReminders uses the process-wide database, so this file has a SQLite file of its own.
const own = ownSeededDatabase("reminders");
let db: Db;
beforeAll(() => {
  db = own.db();
});

describe("due-date reminders", () => {
  it("remind each owner once when an open item is due within three days, and once when it is overdue", async () => {
    const { runReminders } = await import("../../lib/services/reminders.ts");
    const now = new Date("2026-03-10T08:00:00Z");
    const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "relevant2@samrad.example" } });
    await db.actionItem.deleteMany({});
    const make = (title: string, due: string, status: "OPEN" | "DONE" = "OPEN") =>
      db.actionItem.create({ data: { forumId: group.forumId, groupId: group.id, title, status, ownerId: owner.id, dueDate: new Date(`${due}T12:00:00Z`), createdById: owner.id } });
    await make("Frist om to dager", "2026-03-12");
    await make("Frist om ti dager", "2026-03-20");
    await make("Forfalt", "2026-03-01");
    await make("Ferdig og forfalt", "2026-03-01", "DONE");

    expect(await runReminders(now)).toBe(2);
    const list = await db.notification.findMany({ where: { userId: owner.id }, orderBy: { title: "asc" } });
    expect(list.map((n) => [n.title, n.type])).toEqual([["Forfalt", "OVERDUE"], ["Frist om to dager", "DUE_SOON"]]);
    expect(await runReminders(now)).toBe(0);
  });

  it("count days in Norway: an item due on 10 March is overdue from midnight in Oslo (23:00 UTC), not from UTC midnight", async () => {
    const { runReminders } = await import("../../lib/services/reminders.ts");
    const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "relevant2@samrad.example" } });
    await db.actionItem.deleteMany({});
    await db.actionItem.create({ data: { forumId: group.forumId, groupId: group.id, title: "Frist 10. mars", status: "OPEN", ownerId: owner.id, dueDate: new Date("2026-03-10T12:00:00Z"), createdById: owner.id } });
    const types = async () => (await db.notification.findMany({ where: { userId: owner.id, title: "Frist 10. mars" } })).map((n) => n.type).sort();

    // 23:59 on 10 March in Oslo: due today, so due soon, not overdue.
    expect(await runReminders(new Date("2026-03-10T22:59:00Z"))).toBe(1);
    expect(await types()).toEqual(["DUE_SOON"]);
    // 00:30 on 11 March in Oslo (still 10 March in UTC): overdue.
    expect(await runReminders(new Date("2026-03-10T23:30:00Z"))).toBe(1);
    expect(await types()).toEqual(["DUE_SOON", "OVERDUE"]);
    // Without SMTP_URL nothing is queued for e-mail.
    expect((await db.notification.findMany({ where: { userId: owner.id } })).every((n) => n.mailState === "SKIPPED")).toBe(true);
  });
});
