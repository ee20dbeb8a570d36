import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildDocument, buildOtherForum, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { makePng } from "../support/png.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let docId: string;
let c: Record<"member" | "otherGroup" | "steering" | "outsider" | "anonymous", TestClient>;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  const groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } })).id;
  docId = (await buildDocument(db, groupId, { title: "Bilder i dokumentet" })).id;
  const other = await buildOtherForum(db);
  c = {
    member: await signedIn(baseUrl, "inkludering2@samrad.example", DEMO_PASSWORD),
    otherGroup: await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD),
    steering: await signedIn(baseUrl, "styring3@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});
afterAll(async () => {
  await db.$disconnect();
});

const upload = (client: TestClient, bytes: Uint8Array, opts: { name?: string; type?: string; alt?: string; documentId?: string } = {}) => {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: opts.type ?? "image/png" }), opts.name ?? "bilde.png");
  form.set("alt", opts.alt ?? "Et kart over fylket");
  return client.fetch(`/api/forums/ostfold/documents/${opts.documentId ?? docId}/images`, { method: "POST", body: form });
};
const imageCount = () => db.documentImage.count();
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("document images", () => {
  let imageId: string;
  const png = makePng(40, 30);

  it("takes a PNG from a group member: stored with the type and size from its bytes, audited", async () => {
    const audits = await db.auditEvent.count();
    const res = await upload(c.member, png, { type: "application/octet-stream", name: "kart" });
    expect(res.status).toBe(201);
    const { image } = (await res.json()) as { image: { id: string; mime: string; width: number; height: number; size: number; alt: string } };
    expect(image).toMatchObject({ mime: "image/png", width: 40, height: 30, size: png.length, alt: "Et kart over fylket" });
    imageId = image.id;
    const row = await db.documentImage.findUniqueOrThrow({ where: { id: imageId } });
    expect(Buffer.from(row.data).equals(png)).toBe(true);
    expect(row.sha256).toBe(createHash("sha256").update(png).digest("hex"));
    expect(await db.auditEvent.count()).toBe(audits + 1);
  });

  it("serves it to readers of the document with its own type, nosniff, private caching and an ETag", async () => {
    for (const who of ["member", "steering", "otherGroup"] as const) {
      const res = await c[who].fetch(`/api/forums/ostfold/images/${imageId}`);
      expect(res.status, who).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toMatch(/^private/);
      const etag = `"${createHash("sha256").update(png).digest("hex")}"`;
      expect(res.headers.get("etag")).toBe(etag);
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
      const again = await c[who].fetch(`/api/forums/ostfold/images/${imageId}`, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
    }
  });

  it("refuses an image over IMAGE_MAX_BYTES with 413, and writes nothing", async () => {
    const before = await imageCount();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(png);
    const res = await upload(c.member, big);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toContain("5 MB");
    expect(await imageCount()).toBe(before);
  });

  it("refuses SVG and a text file named .png with 415 and a clear message, and writes nothing", async () => {
    const before = await imageCount();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>');
    const text = new TextEncoder().encode("Dette er ikke et bilde, bare tekst.");
    for (const [bytes, name, type] of [[svg, "bilde.svg", "image/svg+xml"], [text, "bilde.png", "image/png"]] as const) {
      const res = await upload(c.member, bytes, { name, type });
      expect(res.status, name).toBe(415);
      const error = await errorOf(res);
      expect(error.code).toBe("unsupported_file");
      expect(error.message).toContain("PNG, JPEG, WebP og GIF");
    }
    // A PNG whose header is cut short: the type is right but it cannot be read (422).
    expect((await upload(c.member, png.subarray(0, 20))).status).toBe(422);
    expect(await imageCount()).toBe(before);
  });

  it("lets only those who may write the document upload: other groups and the steering group 403, other forums 404, anonymous 401", async () => {
    const before = await imageCount();
    for (const [who, status] of [["otherGroup", 403], ["steering", 403], ["outsider", 404], ["anonymous", 401]] as const) {
      expect((await upload(c[who], png)).status, who).toBe(status);
    }
    expect((await upload(c.member, png, { documentId: "no-such-document" })).status).toBe(404);
    expect(await imageCount()).toBe(before);
  });

  it("hides the image from other forums and unknown ids (404) and asks anonymous callers to sign in (401)", async () => {
    expect((await c.outsider.fetch(`/api/forums/ostfold/images/${imageId}`)).status).toBe(404);
    const otherForum = await db.forum.findFirstOrThrow({ where: { slug: { not: "ostfold" } } });
    expect((await c.outsider.fetch(`/api/forums/${otherForum.slug}/images/${imageId}`)).status).toBe(404);
    expect((await c.member.fetch(`/api/forums/ostfold/images/doesnotexist123`)).status).toBe(404);
    expect((await c.anonymous.fetch(`/api/forums/ostfold/images/${imageId}`)).status).toBe(401);
  });

  it("refuses an upload to an archived document (nobody writes one)", async () => {
    await db.document.update({ where: { id: docId }, data: { archivedAt: new Date() } });
    try {
      expect((await upload(c.member, png)).status).toBe(403);
    } finally {
      await db.document.update({ where: { id: docId }, data: { archivedAt: null } });
    }
  });
});
