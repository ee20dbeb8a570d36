import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../../lib/editor/extensions";
import { covers, trackSaved, until, yClient } from "../support/yjs-client";
import { demo, DEMO_PASSWORD, signIn } from "./support/fixtures";

test.describe("callbackUrl after sign-in", () => {
  for (const callback of ["/%09/evil.example", "/%5Cevil.example", "//evil.example"]) {
    test(`${callback} ends on our own origin`, async ({ page, baseURL }) => {
      // Nothing may leave our origin: a request to evil.example fails the test instead of hanging.
      const foreign: string[] = [];
      await page.route((url) => url.hostname.endsWith("evil.example"), (route) => {
        foreign.push(route.request().url());
        return route.abort();
      });
      await page.goto(`/login?callbackUrl=${callback}`);
      await page.getByLabel("E-post").fill(demo.relevantMember);
      await page.getByLabel(/^Passord/).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Logg inn" }).click();
      await expect(page).toHaveURL(/\/f\/ostfold$/);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(foreign).toEqual([]);
    });
  }
});

test.describe("link marks from a crafted Yjs update", () => {
  test("the editor in Chromium shows only a safe href and the fixed target/rel", async ({ page, baseURL }) => {
    await signIn(page, demo.inclusionMember);
    const groupHref = await page.getByRole("link", { name: "Kompetansegruppe inkludering" }).first().getAttribute("href");
    const groupId = groupHref!.split("/").pop()!;
    const created = await page.request.post(`/api/forums/ostfold/groups/${groupId}/documents`, { data: { title: "Lenker fra en laget oppdatering", kind: "NOTE" } });
    expect(created.ok()).toBe(true);
    const { document } = (await created.json()) as { document: { id: string } };

    // A stock y-websocket client with the browser's session sends link marks with every attribute.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const client = yClient(baseURL!, `document.${document.id}`, { cookie });
    const saved = trackSaved(client);
    await until(() => client.provider.synced, "synced");
    client.doc.transact(() => {
      const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
      for (const link of [
        { href: "https://example.org/ok", target: "_self", rel: "opener", class: "evil", onclick: "window.__xss=1", style: "position:fixed" },
        { href: "javascript:window.__xss=2", target: "_top", rel: "opener", class: "x", onmouseover: "window.__xss=3" },
      ]) {
        const paragraph = new Y.XmlElement("paragraph");
        const text = new Y.XmlText();
        text.insert(0, "klikk her", { link });
        paragraph.insert(0, [text]);
        fragment.insert(fragment.length, [paragraph]);
      }
    });
    await until(() => covers(saved.latest(), Y.decodeStateVector(Y.encodeStateVector(client.doc))), "saved");
    client.destroy();

    await page.goto(`/f/ostfold/groups/${groupId}/documents/${document.id}`);
    const links = page.locator(".ProseMirror a");
    await expect(links).toHaveCount(2);
    const attributes = await links.evaluateAll((as) => as.map((a) => Object.fromEntries([...a.attributes].map((x) => [x.name, x.value]))));
    expect(attributes).toEqual([{ href: "https://example.org/ok", target: "_blank", rel: "noopener noreferrer" }, { href: "" }]);
    await links.first().hover();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
