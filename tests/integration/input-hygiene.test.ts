import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { testDb } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let groupId: string;
let admin: TestClient;
let member: TestClient;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe inkludering" } })).id;
  admin = await signedIn(baseUrl, "admin@samrad.example", DEMO_PASSWORD);
  member = await signedIn(baseUrl, "inkludering2@samrad.example", DEMO_PASSWORD);
});
afterAll(async () => {
  await db.$disconnect();
});

const counts = async () => {
  const [users, groups, areas, documents, actions, audit] = await Promise.all([
    db.user.count(), db.group.count(), db.targetArea.count(), db.document.count(), db.actionItem.count(), db.auditEvent.count(),
  ]);
  return { users, groups, areas, documents, actions, audit };
};

// Hostile text, each refused wherever a person types text.
const HOSTILE: Record<string, string> = {
  "right-to-left override": "Lars Haugen\u202E (admin)",
  "left-to-right isolate": "Lars \u2066Haugen\u2069",
  "only zero-width characters": "\u200B\u200B\u200B\u200C\u200D",
  "NUL byte": "Lars\u0000Haugen",
  "ESC sequence": "Lars \u001b[31mHaugen",
  "150 combining marks": `Lars${"\u0301".repeat(150)} Haugen`,
};

const uniq = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

interface Field {
  name: string;
  client: () => TestClient;
  method: "POST" | "PATCH";
  path: () => string;
  body: (value: string) => unknown;
}

const fields: Field[] = [
  { name: "user name", client: () => admin, method: "POST", path: () => "/api/forums/ostfold/users", body: (v) => ({ name: v, email: `h-${uniq()}@samrad.example` }) },
  { name: "own name", client: () => member, method: "PATCH", path: () => "/api/account", body: (v) => ({ name: v }) },
  { name: "group name", client: () => admin, method: "POST", path: () => "/api/forums/ostfold/groups", body: (v) => ({ name: v, kind: "COMPETENCE" }) },
  { name: "group mandate", client: () => admin, method: "POST", path: () => "/api/forums/ostfold/groups", body: (v) => ({ name: `Gruppe ${uniq()}`, kind: "COMPETENCE", mandate: v }) },
  { name: "target area name", client: () => admin, method: "POST", path: () => "/api/forums/ostfold/target-areas", body: (v) => ({ name: v }) },
  { name: "target area description", client: () => admin, method: "POST", path: () => "/api/forums/ostfold/target-areas", body: (v) => ({ name: `Område ${uniq()}`, description: v }) },
  { name: "document title", client: () => member, method: "POST", path: () => `/api/forums/ostfold/groups/${groupId}/documents`, body: (v) => ({ title: v, kind: "NOTE" }) },
  { name: "action title", client: () => member, method: "POST", path: () => `/api/forums/ostfold/groups/${groupId}/actions`, body: (v) => ({ title: v }) },
  { name: "action description", client: () => member, method: "POST", path: () => `/api/forums/ostfold/groups/${groupId}/actions`, body: (v) => ({ title: `Tiltak ${uniq()}`, description: v }) },
];

describe.each(fields)("$name", (field) => {
  it.each(Object.entries(HOSTILE))("refuses %s with 400 and writes nothing", async (_label, value) => {
    // Zero-width-only text is harmless in a free-text field that may be empty; it is stripped, not refused.
    const optional = /mandate|description/.test(field.name);
    if (optional && _label === "only zero-width characters") return;
    const before = await counts();
    const res = await field.client().json(field.path(), field.method, field.body(value));
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: "invalid_input" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a lone surrogate (malformed UTF-16) with 400, not 500", async () => {
    const before = await counts();
    const raw = JSON.stringify(field.body("Lars PLACEHOLDER Haugen")).replace("PLACEHOLDER", "\\ud800");
    const res = await field.client().json(field.path(), field.method, raw);
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe("multi-line fields", () => {
  it("keep newlines and tabs, NFC-normalise and strip zero-width characters", async () => {
    const res = await member.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", {
      title: `Tiltak ${uniq()}`, description: "Første linje\n\tandre linje\u200B med e\u0301",
    });
    expect(res.status).toBe(201);
    const { item } = (await res.json()) as { item: { id: string } };
    const stored = await db.actionItem.findUniqueOrThrow({ where: { id: item.id }, select: { description: true } });
    expect(stored.description).toBe("Første linje\n\tandre linje med \u00e9");
  });
});

describe("dates", () => {
  it("refuses an impossible due date instead of storing another day", async () => {
    const before = await counts();
    for (const dueDate of ["2026-02-31", "2026-13-01", "2026-04-31", "2025-02-29"]) {
      const res = await member.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", { title: `Tiltak ${uniq()}`, dueDate });
      expect(res.status, dueDate).toBe(400);
    }
    expect(await counts()).toEqual(before);
    const ok = await member.json(`/api/forums/ostfold/groups/${groupId}/actions`, "POST", { title: `Tiltak ${uniq()}`, dueDate: "2028-02-29" });
    expect(ok.status).toBe(201);
  });
});

describe("look-alike users", () => {
  it("stores names and e-mail addresses without invisible characters", async () => {
    const id = uniq();
    const res = await admin.json("/api/forums/ostfold/users", "POST", { name: "Astrid\u200BBerg", email: `astrid\u200B.${id}@samrad.example` });
    expect(res.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: `astrid.${id}@samrad.example` }, select: { name: true } });
    expect(user.name).toBe("AstridBerg");
    // The same address with another invisible character is the same person: refused as a duplicate.
    const again = await admin.json("/api/forums/ostfold/users", "POST", { name: "Astrid Berg", email: `\u2060astrid.${id}\uFEFF@samrad.example` });
    expect(again.status).toBe(409);
  });
});
