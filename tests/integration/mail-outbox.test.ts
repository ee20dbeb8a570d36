import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildUser, testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { until } from "../support/yjs-client.ts";

// The outbox end to end: a dedicated server (the shared one has no SMTP_URL) e-mails through a
// real SMTP server on loopback whose behaviour each test sets: refuse, hold, or accept.

interface Accepted {
  to: string[];
  text: string;
  at: number;
}

/** Refusals go only to `only` (the server also e-mails reminders about the demo forum's actions). */
type Mode = { kind: "accept" } | { kind: "refuse"; left: number; only: string[] } | { kind: "hold"; ms: number };
let mode: Mode = { kind: "accept" };
const accepted: Accepted[] = [];
/** When each message's data had fully arrived at the SMTP server (before it answered). */
const dataArrived: { to: string[]; at: number }[] = [];
const refusals: string[] = [];

function smtpError(message: string, code: number) {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Decodes a quoted-printable or base64 text body well enough to search it. */
function bodyText(raw: string): string {
  const split = raw.split(/\r?\n\r?\n(.*)/s);
  const body = split.length > 1 ? split[1]! : raw;
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/[\u0080-\u00ff]+/g, (s) => Buffer.from(s, "latin1").toString("utf8"));
}

let smtp: SMTPServer;
let server: RunningServer;
let db: Db;
let leader: TestClient;
let forumId: string;
let groupId: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      // The first refusal comes at RCPT TO, the next ones after the whole message was sent (DATA).
      if (mode.kind === "refuse" && mode.left > 0 && refusals.length === 0 && mode.only.includes(address.address)) {
        mode.left -= 1;
        refusals.push(`rcpt ${address.address}`);
        return callback(smtpError("Mailbox busy, try again later", 450));
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        dataArrived.push({ to, at: Date.now() });
        if (mode.kind === "refuse" && mode.left > 0 && to.some((a) => mode.kind === "refuse" && mode.only.includes(a))) {
          mode.left -= 1;
          refusals.push(`data ${to.join(",")}`);
          return callback(smtpError("Local error in processing, try again later", 451));
        }
        const accept = () => {
          accepted.push({ to, text: bodyText(raw), at: Date.now() });
          callback();
        };
        if (mode.kind === "hold") setTimeout(accept, mode.ms);
        else accept();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startServer("outbox", {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Samråd <samrad@test.example>",
    MAIL_RETRY_BASE_MS: "200",
    MAIL_RETRY_MAX_MS: "1000",
    MAIL_POLL_MS: "300",
    MAIL_MAX_ATTEMPTS: "4",
    MAIL_LEASE_MS: "20000",
  });
  db = testDb(server.dbUrl);
  leader = await signedIn(server.url, "prosjektleder@samrad.example", DEMO_PASSWORD);
  const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } });
  forumId = group.forumId;
  groupId = group.id;
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await db?.$disconnect();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const to = (email: string) => accepted.filter((m) => m.to.includes(email));

/** Creates an action owned by `ownerId`: the owner gets an ASSIGNED notification (and e-mail). */
async function assign(title: string, ownerId: string) {
  const res = await leader.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", { title, ownerId });
  expect(res.status).toBe(201);
  return res;
}

describe("mail outbox", () => {
  it("an SMTP server that refuses the first two attempts still gets exactly one message per notification", async () => {
    const a = await buildUser(db, forumId);
    const b = await buildUser(db, forumId);
    refusals.length = 0;
    mode = { kind: "refuse", left: 2, only: [a.email, b.email] };
    await assign("Avvist først A", a.id);
    await assign("Avvist først B", b.id);
    await until(() => to(a.email).length > 0 && to(b.email).length > 0, "both messages accepted", 20_000);
    // Longer than every retry delay in this configuration: a duplicate would have arrived by now.
    await sleep(2500);
    expect(refusals).toHaveLength(2);
    expect(refusals.some((r) => r.startsWith("rcpt"))).toBe(true);
    expect(refusals.some((r) => r.startsWith("data"))).toBe(true);
    expect(to(a.email)).toHaveLength(1);
    expect(to(b.email)).toHaveLength(1);
    expect(to(a.email)[0]!.text).toContain("«Avvist først A»");
    expect(to(b.email)[0]!.text).toContain("«Avvist først B»");
    const rows = await db.notification.findMany({ where: { userId: { in: [a.id, b.id] } } });
    expect(rows.map((r) => r.mailState)).toEqual(["SENT", "SENT"]);
    expect(rows.every((r) => r.emailedAt !== null)).toBe(true);
    // Two refused attempts in all, each counted against its row.
    expect(rows.reduce((n, r) => n + r.mailAttempts, 0)).toBe(2);
  });

  it("a mention in a comment e-mails the person a link to the thread and the comment's first words, as plain text", async () => {
    mode = { kind: "accept" };
    const named = await buildUser(db, forumId, { name: `Eva Mention ${Date.now()}` });
    const created = await assign("Tiltak med spørsmål", named.id);
    const item = ((await created.json()) as { item: { id: string } }).item;
    const res = await leader.json(`/api/forums/ostfold/actions/${item.id}/threads`, "POST", { body: `@${named.name} kan du se på <b>dette</b>?` });
    expect(res.status).toBe(201);
    const threadId = ((await res.json()) as { thread: { id: string } }).thread.id;
    await until(() => to(named.email).some((m) => m.text.includes("#thread-")), "mention e-mail", 20_000);
    const mail = to(named.email).find((m) => m.text.includes("#thread-"))!;
    expect(mail.text).toContain(`/f/ostfold/groups/${groupId}/actions/${item.id}#thread-${threadId}`);
    expect(mail.text).toContain(`«@${named.name} kan du se på <b>dette</b>?»`);
  });

  it("a request that queues e-mail answers before the message is sent; the message arrives afterwards", async () => {
    mode = { kind: "hold", ms: 4000 };
    const owner = await buildUser(db, forumId);
    const started = Date.now();
    await assign("Holdt av e-posttjeneren", owner.id);
    const answeredAt = Date.now();
    // The SMTP server holds every message for 4 s before it accepts it; the answer did not wait for it.
    expect(answeredAt - started).toBeLessThan(2500);
    expect(to(owner.email)).toHaveLength(0);
    const row = await db.notification.findFirstOrThrow({ where: { userId: owner.id, type: "ASSIGNED" } });
    expect(["PENDING", "SENDING"]).toContain(row.mailState);
    expect(row.emailedAt).toBeNull();

    await until(() => to(owner.email).length > 0, "held message accepted", 20_000);
    const mail = to(owner.email)[0]!;
    expect(mail.at).toBeGreaterThan(answeredAt);
    expect(mail.at - dataArrived.find((d) => d.to.includes(owner.email))!.at).toBeGreaterThanOrEqual(3900);
    expect(mail.text).toContain("«Holdt av e-posttjeneren»");
    await until(async () => (await db.notification.findUniqueOrThrow({ where: { id: row.id } })).mailState === "SENT", "row marked SENT", 5000);
    await sleep(1000);
    expect(to(owner.email)).toHaveLength(1);
  });

  it("takes over a row left SENDING by a crashed worker once its lease ran out, and leaves a live claim alone", async () => {
    mode = { kind: "accept" };
    const crashed = await buildUser(db, forumId);
    const busy = await buildUser(db, forumId);
    const now = Date.now();
    const row = (userId: string, title: string, leaseEnd: number) => ({
      userId, forumId, type: "ASSIGNED" as const, actionItemId: null, title, mailState: "SENDING", mailNextAt: new Date(leaseEnd),
    });
    await db.notification.create({ data: row(crashed.id, "Lease utløpt", now - 1000) });
    const live = await db.notification.create({ data: row(busy.id, "Lease gjelder", now + 3600_000) });
    await until(() => to(crashed.email).length > 0, "expired claim re-sent", 10_000);
    await sleep(1000);
    expect(to(crashed.email)).toHaveLength(1);
    expect(to(busy.email)).toHaveLength(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: live.id } })).mailState).toBe("SENDING");
    await db.notification.delete({ where: { id: live.id } });
  });

  it("several workers on one outbox send each row at most once, and one e-mail per person and type a day", async () => {
    mode = { kind: "accept" };
    const { deliverDueMail } = await import("../../lib/services/mail-worker.ts");
    const users = await Promise.all(Array.from({ length: 12 }, () => buildUser(db, forumId)));
    // Two more workers (two ticks on one more connection) racing the server's own worker for the same
    // rows. Not two connections in this process: better-sqlite3 waits for a lock synchronously, so a
    // second connection here would block the very thread that holds the lock.
    const worker = testDb(server.dbUrl);
    const sentHere: string[] = [];
    const config = { pollMs: 1000, retryBaseMs: 200, retryMaxMs: 1000, maxAttempts: 8, leaseMs: 20_000, appUrl: server.url };
    const send = async (m: { to: string }) => {
      sentHere.push(m.to);
      await sleep(5);
    };
    // The first four people have two notifications of one type waiting at once: one e-mail each.
    const rows = [...users, ...users.slice(0, 4)].map((u, i) => ({
      userId: u.id, forumId, type: "ASSIGNED" as const, actionItemId: null, title: `Kappløp ${i}`, mailState: "PENDING", mailNextAt: new Date(),
    }));
    await db.notification.createMany({ data: rows });
    await Promise.all([deliverDueMail(worker, { ...config, send }), deliverDueMail(worker, { ...config, send })]);
    const settled = { userId: { in: users.map((u) => u.id) }, mailState: { in: ["SENT", "SKIPPED"] } };
    await until(async () => (await db.notification.count({ where: settled })) === rows.length, "every row settled", 10_000);
    await sleep(500);
    for (const u of users) expect(sentHere.filter((e) => e === u.email).length + to(u.email).length).toBe(1);
    const states = await db.notification.groupBy({ by: ["mailState"], where: { userId: { in: users.map((u) => u.id) } }, _count: true });
    expect(Object.fromEntries(states.map((g) => [g.mailState, g._count]))).toEqual({ SENT: 12, SKIPPED: 4 });
    await worker.$disconnect();
    // The workers in this process really took part in the race.
    expect(sentHere.length).toBeGreaterThan(0);
  });

  it("gives up after MAIL_MAX_ATTEMPTS refusals: the row is FAILED with the last error, and nothing is sent later", async () => {
    const user = await buildUser(db, forumId);
    refusals.length = 0;
    mode = { kind: "refuse", left: 100, only: [user.email] };
    await assign("Aldri levert", user.id);
    const failed = async () => (await db.notification.findFirst({ where: { userId: user.id, mailState: "FAILED" } })) !== null;
    await until(failed, "row FAILED", 15_000);
    expect(refusals).toHaveLength(4);
    const row = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.mailAttempts).toBe(4);
    expect(row.mailError).toMatch(/451|try again later/);
    expect(row.emailedAt).toBeNull();
    mode = { kind: "accept" };
    await sleep(1500);
    expect(refusals).toHaveLength(4);
    expect(to(user.email)).toHaveLength(0);
  });
});
