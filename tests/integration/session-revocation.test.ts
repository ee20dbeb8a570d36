import { describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { buildDocument, buildUser, FACTORY_PASSWORD, storedDocState } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { adminSetting } from "../support/admin-setting.ts";
import { until, yClient, type YClient } from "../support/yjs-client.ts";

// Revocation ends every session and every open socket of the user at once: a password change, an
// administrator's reset, a sign-out, a removal. Nothing the old sockets send afterwards is stored.

const baseUrl = inject("baseUrl");
const setting = adminSetting();

async function writerSockets(cookies: string[], room: string): Promise<YClient[]> {
  const clients = cookies.map((cookie) => {
    const c = yClient(baseUrl, room, { cookie });
    setting.open.push(c);
    return c;
  });
  await until(() => clients.every((c) => c.provider.synced), "all synced");
  return clients;
}

async function storedText(documentId: string): Promise<string> {
  const doc = new Y.Doc();
  for (const u of await storedDocState(setting.db, documentId)) Y.applyUpdate(doc, u);
  return doc.getText("t").toString();
}

/** Writes at once after the revocation, then checks: closed within 1 s, and the write never stored. */
async function expectEnded(clients: YClient[], documentId: string, marker: string, codes: number[]) {
  const started = Date.now();
  for (const c of clients) c.doc.getText("t").insert(0, marker);
  await until(() => clients.every((c) => c.closeCodes.length > 0), "every socket of the user closed", 1000);
  expect(Date.now() - started).toBeLessThan(1000);
  for (const c of clients) expect(codes).toContain(c.closeCodes[0]);
  await new Promise((r) => setTimeout(r, 400));
  expect(await storedText(documentId)).not.toContain(marker);
}

describe("revocation closes every setting.open socket of the user", () => {
  it("after a password change", async () => {
    const user = await buildUser(setting.db, setting.forumId, { groupIds: [setting.groupId] });
    const { id: documentId } = await buildDocument(setting.db, setting.groupId, { kind: "NOTE" });
    const here = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const elsewhere = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const clients = await writerSockets([here.cookieHeader(), elsewhere.cookieHeader()], `document.${documentId}`);
    const res = await here.json("/api/account/password", "POST", {
      currentPassword: FACTORY_PASSWORD, newPassword: "ny og lang passordsetning", confirmPassword: "ny og lang passordsetning",
    });
    expect(res.status).toBe(200);
    await expectEnded(clients, documentId, "ETTER-BYTTE ", [4402]);
  });

  it("after an administrator's password reset", async () => {
    const user = await buildUser(setting.db, setting.forumId, { groupIds: [setting.groupId] });
    const { id: documentId } = await buildDocument(setting.db, setting.groupId, { kind: "NOTE" });
    const session = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const clients = await writerSockets([session.cookieHeader(), session.cookieHeader()], `document.${documentId}`);
    const res = await setting.admin.json(`/api/forums/ostfold/users/${user.id}/password-reset`, "POST", {});
    expect(res.status).toBe(200);
    await expectEnded(clients, documentId, "ETTER-NULLSTILLING ", [4402]);
  });

  it("after a sign-out, and the signed-out cookie is refused when replayed", async () => {
    const user = await buildUser(setting.db, setting.forumId, { groupIds: [setting.groupId] });
    const { id: documentId } = await buildDocument(setting.db, setting.groupId, { kind: "NOTE" });
    const session = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const other = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const cookie = session.cookieHeader();
    const clients = await writerSockets([cookie, other.cookieHeader()], `document.${documentId}`);
    const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await session.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(out.status).toBe(200);
    await expectEnded(clients, documentId, "ETTER-UTLOGGING ", [4402]);
    // The token of the signed-out session, replayed: no API, no socket.
    const replay = new TestClient(baseUrl);
    replay.cookies.set("next-auth.session-token", /next-auth\.session-token=([^;]+)/.exec(cookie)![1]!);
    expect((await replay.json("/api/account", "PATCH", { name: "Gjenbrukt" })).status).toBe(401);
    const late = yClient(baseUrl, `document.${documentId}`, { cookie });
    setting.open.push(late);
    await until(() => late.closeCodes.includes(4401), "replayed cookie refused with 4401");
  });

  it("after a removal from the group (the forum has no removal of members yet)", async () => {
    const user = await buildUser(setting.db, setting.forumId, { groupIds: [setting.groupId] });
    const { id: documentId } = await buildDocument(setting.db, setting.groupId, { kind: "NOTE" });
    const session = await signedIn(baseUrl, user.email, FACTORY_PASSWORD);
    const clients = await writerSockets([session.cookieHeader(), session.cookieHeader()], `document.${documentId}`);
    const res = await setting.admin.fetch(`/api/forums/ostfold/groups/${setting.groupId}/members/${user.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    // Still a forum member: the socket reconnects read-only (4000) and its edits are dropped.
    await expectEnded(clients, documentId, "ETTER-FJERNING ", [4000, 4403, 4404]);
  });
});
