import { describe, expect, inject, it } from "vitest";
import { buildDocument, buildUser } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { adminSetting } from "../support/admin-setting.ts";
import { until, yClient } from "../support/yjs-client.ts";

// Until the user has chosen their own password, a one-time-password session reaches only the
// password change (and sign-out): every other API is 403 password_change_required, every socket 4428.

const baseUrl = inject("baseUrl");
const setting = adminSetting();

async function withOneTimePassword(role: "ADMIN" | "MEMBER" = "MEMBER") {
  const user = await buildUser(setting.db, setting.forumId, { groupIds: [setting.groupId], forumRole: role });
  const res = await setting.admin.json(`/api/forums/ostfold/users/${user.id}/password-reset`, "POST", {});
  expect(res.status).toBe(200);
  const { oneTimePassword } = (await res.json()) as { oneTimePassword: string };
  return { user, oneTimePassword };
}

describe("one-time-password sessions", () => {
  it("are refused by every API but the password change, and by the websocket", async () => {
    const { user, oneTimePassword } = await withOneTimePassword("ADMIN");
    const session = await signedIn(baseUrl, user.email, oneTimePassword);
    const write = await session.json("/api/forums/ostfold/target-areas", "POST", { name: `Område ${Date.now()}` });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe("password_change_required");
    expect((await session.json("/api/account", "PATCH", { name: "Nytt navn" })).status).toBe(403);

    const { id: documentId } = await buildDocument(setting.db, setting.groupId, { kind: "NOTE" });
    const socket = yClient(baseUrl, `document.${documentId}`, { cookie: session.cookieHeader() });
    setting.open.push(socket);
    await until(() => socket.closeCodes.includes(4428), "socket closed with 4428");

    const changed = await session.json("/api/account/password", "POST", {
      currentPassword: oneTimePassword, newPassword: "mitt eget lange passord", confirmPassword: "mitt eget lange passord",
    });
    expect(changed.status).toBe(200);
    expect((await session.json("/api/account", "PATCH", { name: "Nytt navn" })).status).toBe(200);
    const after = await setting.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { oneTimePasswordExpiresAt: true } });
    expect(after.oneTimePasswordExpiresAt).toBeNull();
  });

  it("expire after ONE_TIME_PASSWORD_HOURS (72 by default); an expired one signs nobody in", async () => {
    const { user, oneTimePassword } = await withOneTimePassword();
    const row = await setting.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { oneTimePasswordExpiresAt: true } });
    const hours = (row.oneTimePasswordExpiresAt!.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    await setting.db.user.update({ where: { id: user.id }, data: { oneTimePasswordExpiresAt: new Date(Date.now() - 1000) } });
    const client = new TestClient(baseUrl);
    const res = await client.signIn(user.email, oneTimePassword);
    expect(res.status).toBe(401);
    expect(client.hasSession()).toBe(false);
    const { url } = (await res.json()) as { url: string };
    expect(new URL(url).searchParams.get("error")).toBe("OneTimePasswordExpired");
  });
});
