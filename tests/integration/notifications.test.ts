import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { testDb } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { until } from "../support/yjs-client.ts";

interface Received {
  to: string[];
  raw: string;
}

// A real SMTP server on loopback; the app under test sends to it through SMTP_URL.
let smtp: SMTPServer;
let smtpPort: number;
const inbox: Received[] = [];
let server: RunningServer;
let db: Db;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startServer("mail", { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: "Samråd <samrad@test.example>" });
  db = testDb(server.dbUrl);
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((r) => smtp.close(() => r()));
  await db?.$disconnect();
});

/** Decodes a quoted-printable or base64 text body well enough to read it. */
function bodyText(raw: string): string {
  const [, body = ""] = raw.split(/\r?\n\r?\n/, 2).length === 2 ? raw.split(/\r?\n\r?\n(.*)/s) : ["", raw];
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/[\u0080-\u00ff]+/g, (s) => Buffer.from(s, "latin1").toString("utf8"));
}

describe("e-mail notifications", () => {
  it("assigning an action e-mails its owner once, in Norwegian, with a working link; the in-app list has it too", async () => {
    const leader = await signedIn(server.url, "prosjektleder@samrad.example", DEMO_PASSWORD);
    const group = await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "inkludering2@samrad.example" } });
    const res = await leader.json(`/api/forums/ostfold/groups/${group.id}/actions`, "POST", { title: "Kartlegge språkkurs", ownerId: owner.id });
    expect(res.status).toBe(201);
    await until(() => inbox.some((m) => m.to.includes(owner.email)), "mail delivered", 10_000);
    const mails = inbox.filter((m) => m.to.includes(owner.email));
    expect(mails).toHaveLength(1);
    const text = bodyText(mails[0]!.raw);
    expect(text).toContain("Hei Kari Moen");
    expect(text).toContain("Du er satt som eier av tiltaket «Kartlegge språkkurs».");
    const link = /https?:\/\/\S+\/f\/ostfold\/mine/.exec(text)?.[0];
    expect(link).toBe(`${server.url}/f/ostfold/mine`);
    const kari = await signedIn(server.url, owner.email, DEMO_PASSWORD);
    const page = await kari.fetch(new URL(link!).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Kartlegge språkkurs");

    // The second assignment the same day is in-app only: one e-mail per type per day at most.
    const again = await leader.json(`/api/forums/ostfold/groups/${group.id}/actions`, "POST", { title: "Enda et tiltak", ownerId: owner.id });
    expect(again.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1000));
    expect(inbox.filter((m) => m.to.includes(owner.email))).toHaveLength(1);
    const inApp = await db.notification.findMany({ where: { userId: owner.id, type: "ASSIGNED" } });
    expect(inApp.map((n) => n.title).sort()).toEqual(["Enda et tiltak", "Kartlegge språkkurs"]);
    // In the outbox the second one was decided against, not forgotten.
    expect(Object.fromEntries(inApp.map((n) => [n.title, n.mailState]))).toEqual({ "Kartlegge språkkurs": "SENT", "Enda et tiltak": "SKIPPED" });
    const notificationsPage = await (await kari.fetch("/f/ostfold/notifications")).text();
    // The line says who did it (the notice keeps its actor).
    expect(notificationsPage).toContain("Lars Haugen satte deg som eier av «Kartlegge språkkurs»");
  });
});

describe("without SMTP_URL", () => {
  it("sends nothing and fails nothing: the shared test server has no SMTP configured", async () => {
    const baseUrl = inject("baseUrl");
    const before = inbox.length;
    const leader = await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD);
    const shared = testDb(inject("dbUrl"));
    const group = await shared.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } });
    const owner = await shared.user.findUniqueOrThrow({ where: { email: "inkludering1@samrad.example" } });
    const res = await leader.json(`/api/forums/ostfold/groups/${group.id}/actions`, "POST", { title: "Uten e-post", ownerId: owner.id });
    expect(res.status).toBe(201);
    const n = await shared.notification.findFirstOrThrow({ where: { userId: owner.id, title: "Uten e-post" } });
    expect(n.emailedAt).toBeNull();
    expect(n.mailState).toBe("SKIPPED");
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.length).toBe(before);
    await shared.$disconnect();
  });
});
