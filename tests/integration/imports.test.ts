import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { buildOtherForum, FACTORY_PASSWORD, testDb } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";
import { buildRegions, figuresCsv, xlsxOf, zipBomb, zipOf } from "../support/import-files.ts";

const baseUrl = inject("baseUrl");
let db: Db;
let forumId: string;
let groupId: string;
let c: Record<"member" | "member2" | "leader" | "steering" | "outsider" | "anonymous", TestClient>;

beforeAll(async () => {
  db = testDb(inject("dbUrl"));
  forumId = (await db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } })).id;
  groupId = (await db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
  await buildRegions(db, forumId);
  const other = await buildOtherForum(db);
  c = {
    member: await signedIn(baseUrl, "relevant1@samrad.example", DEMO_PASSWORD),
    member2: await signedIn(baseUrl, "relevant2@samrad.example", DEMO_PASSWORD),
    leader: await signedIn(baseUrl, "prosjektleder@samrad.example", DEMO_PASSWORD),
    steering: await signedIn(baseUrl, "styring1@samrad.example", DEMO_PASSWORD),
    outsider: await signedIn(baseUrl, other.admin.email, FACTORY_PASSWORD),
    anonymous: new TestClient(baseUrl),
  };
});
afterAll(async () => {
  await db.$disconnect();
});

const IMPORTS = "/api/forums/ostfold/imports";
const PREVIEW = `${IMPORTS}/preview`;
const undoPath = (id: string) => `${IMPORTS}/${id}/undo`;
const uniq = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

interface Upload {
  file: string | Buffer;
  name?: string;
  sourceName?: string;
  group?: string;
  mapping?: Record<string, string>;
  fixed?: Record<string, unknown>;
}

function form(u: Upload): FormData {
  const f = new FormData();
  f.set("file", new Blob([new Uint8Array(typeof u.file === "string" ? Buffer.from(u.file, "utf8") : u.file)]), u.name ?? "tall.csv");
  f.set("groupId", u.group ?? groupId);
  f.set("sourceName", u.sourceName ?? `Kilde ${uniq()}`);
  if (u.mapping) f.set("mapping", JSON.stringify(u.mapping));
  if (u.fixed) f.set("fixed", JSON.stringify(u.fixed));
  return f;
}

const post = (client: TestClient, path: string, u: Upload, headers: Record<string, string> = {}) => client.fetch(path, { method: "POST", body: form(u), headers });

interface Problem { row: number; column: string | null; message: string; value?: string }
interface Batch { id: string; created: number; updated: number; rowCount: number; undoneAt: string | null; abilities: { undo: boolean } }

async function commit(client: TestClient, u: Upload) {
  const res = await post(client, IMPORTS, u);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { batch: Batch; created: number; updated: number };
}

const counts = async () => {
  const [needs, batches, changes, mappings, audit] = await Promise.all([
    db.need.count(), db.importBatch.count(), db.importChange.count(), db.importMapping.count(), db.auditEvent.count(),
  ]);
  return { needs, batches, changes, mappings, audit };
};

describe("an import is all or nothing", () => {
  it("3 bad rows among 1,000: nothing is written, and the 3 rows are listed with their problems in Norwegian, numbered as in the file", async () => {
    const csv = figuresCsv(1000, {
      prefix: uniq(),
      broken: {
        10: ["Tømrer", "Viken", "2026", "12", "4", "personer", ""],
        500: ["Kokk", "Halden", "2026", "mange", "4", "personer", ""],
        998: ["Baker", "Moss", "2026", "5", "", "personer", ""],
      },
    });
    const before = await counts();
    const preview = await post(c.member, PREVIEW, { file: csv });
    expect(preview.status).toBe(200);
    const p = ((await preview.json()) as { preview: { rowCount: number; problems: Problem[]; problemCount: number; problemRows: number; mappingSource: string; willCreate: number } }).preview;
    expect(p).toMatchObject({ rowCount: 1000, problemCount: 3, problemRows: 3, mappingSource: "guessed", willCreate: 997 });
    const expected = [
      { row: 12, column: "Kommune", message: "«Viken» er ikke en region i forumet (skriv navnet eller kommunenummeret)", value: "Viken" },
      { row: 502, column: "Behov", message: "må være et tall, for eksempel 1 234,5", value: "mange" },
      { row: 1000, column: "Tilbud", message: "må fylles ut" },
    ];
    expect(p.problems).toEqual(expected);

    const res = await post(c.member, IMPORTS, { file: csv });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; problems: Problem[]; problemCount: number } };
    expect(body.error.code).toBe("invalid_rows");
    expect(body.error.message).toBe("Ingenting ble importert. Rader med problemer: 3. Problemer i alt: 3.");
    expect(body.error.problems).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it("answers in English to an English reader", async () => {
    // A signed-in user's own language choice decides (as on pages), not the browser's.
    await db.user.update({ where: { email: "relevant1@samrad.example" }, data: { locale: "en" } });
    try {
      const res = await post(c.member, IMPORTS, { file: figuresCsv(3, { broken: { 1: ["Kokk", "Viken", "2026", "1", "1", "", ""] } }) }, { "accept-language": "nb" });
      const body = (await res.json()) as { error: { problems: Problem[] } };
      expect(body.error.problems[0]!.message).toBe("“Viken” is not a region of the forum (give its name or municipality number)");
    } finally {
      await db.user.update({ where: { email: "relevant1@samrad.example" }, data: { locale: "nb" } });
    }
  });
});

describe("re-import and undo", () => {
  it("the same file imported twice leaves one copy: the second import updates, and counts as updated", async () => {
    const sourceName = `Lærlingformidlingen ${uniq()}`;
    const csv = figuresCsv(1000, { prefix: uniq() });
    const before = await counts();
    const first = await commit(c.member, { file: csv, sourceName });
    expect(first).toMatchObject({ created: 1000, updated: 0, batch: { rowCount: 1000, created: 1000, updated: 0, abilities: { undo: true } } });
    const second = await commit(c.member2, { file: csv, sourceName });
    expect(second).toMatchObject({ created: 0, updated: 1000 });
    expect(await db.need.count({ where: { sourceName } })).toBe(1000);
    const after = await counts();
    expect(after.needs - before.needs).toBe(1000);
    expect(after.changes - before.changes).toBe(2000);
    // One audit event per import, with the counts.
    expect(after.audit - before.audit).toBe(2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: second.batch.id, action: "needs.import" } });
    expect(JSON.parse(event.after!)).toMatchObject({ created: 0, updated: 1000, count: 1000, sourceName });
  });

  it("undo removes exactly its batch: created needs go, updated ones get their previous values back", async () => {
    const sourceName = `Arbeidsgiverundersøkelsen ${uniq()}`;
    const prefix = uniq();
    // A: rows 0–9. B: rows 5–14 with other figures, so B updates 5 of A's needs and creates 5.
    const demands = async () => (await db.need.findMany({ where: { sourceName }, select: { field: true, demand: true, regionId: true, title: true } })).map((n) => `${n.title}/${n.regionId}:${n.demand}`).sort();
    const a = await commit(c.member, { file: figuresCsv(10, { prefix }), sourceName });
    const afterA = await demands();
    const rowsB = figuresCsv(15, { prefix, demandOffset: 100 }).split("\r\n");
    const b = await commit(c.member, { file: [rowsB[0], ...rowsB.slice(6)].join("\r\n"), sourceName });
    expect([a.created, a.updated, b.created, b.updated]).toEqual([10, 0, 5, 5]);
    expect(await demands()).not.toEqual(afterA);
    await commit(c.member, { file: figuresCsv(1, { prefix: uniq() }), sourceName: `Annen ${uniq()}` });

    // A later import wrote the same needs: A cannot be undone before B.
    const refused = await c.member.fetch(undoPath(a.batch.id), { method: "POST" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      `Importen kan ikke angres fordi 1 senere import endret de samme behovene («tall.csv»). Angre den senere importen først.`,
    );
    const before = await counts();
    const undoB = await c.member.fetch(undoPath(b.batch.id), { method: "POST" });
    expect(undoB.status).toBe(200);
    expect(((await undoB.json()) as { batch: Batch }).batch).toMatchObject({ undoneAt: expect.any(String), abilities: { undo: false } });
    expect(await demands()).toEqual(afterA);
    const afterUndo = await counts();
    expect(afterUndo.needs - before.needs).toBe(-5);
    expect(afterUndo.audit - before.audit).toBe(1);
    // Undone once only.
    expect((await c.member.fetch(undoPath(b.batch.id), { method: "POST" })).status).toBe(409);

    // Now A can go, and everything it wrote goes with it.
    expect((await c.member.fetch(undoPath(a.batch.id), { method: "POST" })).status).toBe(200);
    expect(await db.need.count({ where: { sourceName } })).toBe(0);
  });

  it("refuses to undo an import whose needs were changed by hand since, saying so", async () => {
    const sourceName = `Kilde ${uniq()}`;
    const a = await commit(c.member, { file: figuresCsv(4, { prefix: uniq() }), sourceName });
    const need = await db.need.findFirstOrThrow({ where: { importBatchId: a.batch.id } });
    await db.need.update({ where: { id: need.id }, data: { demand: 999, version: { increment: 1 } } });
    const res = await c.member.fetch(undoPath(a.batch.id), { method: "POST" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("Importen kan ikke angres fordi 1 av behovene den skrev, er endret siden.");
    expect(await db.need.count({ where: { sourceName } })).toBe(4);
  });

  it("remembers the mapping for the source and offers it next time", async () => {
    const sourceName = `Egen kilde ${uniq()}`;
    const csv = "Fag;Mangel;Kontrakter;Sted\r\nKokk;4;3;Moss\r\nBaker;2;1;Halden\r\n";
    const mapping = { Fag: "field", Mangel: "demand", Kontrakter: "supply", Sted: "region" };
    const first = await post(c.member, PREVIEW, { file: csv, sourceName });
    expect(((await first.json()) as { preview: { mappingSource: string; mappingProblems: string[] } }).preview).toMatchObject({
      mappingSource: "guessed", mappingProblems: ["Velg hvilken kolonne som er «Behov».", "Velg en kolonne for periode, eller skriv en periode for hele fila."],
    });
    await commit(c.member, { file: csv, sourceName, mapping, fixed: { period: "2026-H2", unit: "APPRENTICESHIPS" } });
    const again = await post(c.member, PREVIEW, { file: csv, sourceName, fixed: { period: "2026-H2", unit: "APPRENTICESHIPS" } });
    const p = ((await again.json()) as { preview: { mappingSource: string; mapping: object; willUpdate: number; rows: { unit: string; period: string; region: string }[] } }).preview;
    expect(p).toMatchObject({ mappingSource: "remembered", mapping, willUpdate: 2 });
    expect(p.rows[0]).toMatchObject({ unit: "APPRENTICESHIPS", period: "2026-H2", region: "Moss" });
  });

  it("imports XLSX (first worksheet) and the sample CSV fixture", async () => {
    const xlsx = await xlsxOf([["Yrke", "Kommune", "År", "Behov", "Tilbud"], ["Elektriker", 3107, 2026, 38, 29], ["Rørlegger", "Sarpsborg", 2026, 12.5, 10]]);
    const res = await commit(c.member, { file: xlsx, name: "tall.xlsx" });
    expect(res).toMatchObject({ created: 2, batch: { } });
    const needs = await db.need.findMany({ where: { importBatchId: res.batch.id }, select: { field: true, demand: true, region: { select: { name: true } } }, orderBy: { field: "asc" } });
    expect(needs).toEqual([{ field: "Elektriker", demand: 38, region: { name: "Fredrikstad" } }, { field: "Rørlegger", demand: 12.5, region: { name: "Sarpsborg" } }]);
    const fixture = await commit(c.member, { file: readFileSync("tests/fixtures/behov-eksempel.csv"), name: "behov-eksempel.csv" });
    expect(fixture.created).toBe(8);
  });

  it("streams progress as NDJSON when asked, ending in one done line", async () => {
    const res = await post(c.member, IMPORTS, { file: figuresCsv(5000, { prefix: uniq() }) }, { accept: "application/x-ndjson" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; phase?: string; done?: number; total?: number | null; result?: { created: number } });
    expect(new Set(lines.filter((l) => l.type === "progress").map((l) => l.phase))).toEqual(new Set(["read", "check", "write"]));
    expect(lines.filter((l) => l.phase === "write").at(-1)).toMatchObject({ done: 5000, total: 5000 });
    expect(lines.at(-1)).toMatchObject({ type: "done", result: { created: 5000 } });
  });
});

describe("files that cannot be imported get a clear 4xx and change nothing", () => {
  const cases: [string, () => Promise<Upload> | Upload, number, RegExp][] = [
    ["over the size limit", () => ({ file: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41) }), 413, /for stor.*10 MB/],
    ["over the row limit", () => ({ file: figuresCsv(100_001) }), 413, /for mange rader.*100000/],
    ["a cell over 1,000 characters", () => ({ file: `Yrke;Behov;Tilbud\r\nKokk;1;1\r\n${"x".repeat(1001)};1;1\r\n` }), 422, /Rad 3, kolonne A: cellen har 1001 tegn/],
    ["invalid UTF-8", () => ({ file: Buffer.concat([Buffer.from("Yrke;Behov;Tilbud\r\nKokk;"), Buffer.from([0xc3, 0x28, 0x81, 0x9d]), Buffer.from(";1\r\n")]) }), 415, /ikke UTF-8/],
    ["UTF-16 without a byte-order mark", () => ({ file: Buffer.from("Yrke;Behov;Tilbud\r\nKokk;1;1\r\n", "utf16le") }), 415, /UTF-16 uten byte-rekkefølgemerke/],
    ["a PNG", () => ({ file: Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"), name: "tall.csv" }), 415, /verken CSV eller XLSX/],
    ["a renamed .exe", () => ({ file: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(512)]), name: "tall.xlsx" }), 415, /verken CSV eller XLSX/],
    ["a zip that is no workbook", () => ({ file: zipOf([{ name: "bilde.txt", data: Buffer.from("hei") }]), name: "tall.xlsx" }), 415, /zip-fil, men ikke en Excel-arbeidsbok/],
    ["a zip bomb", () => ({ file: zipBomb(120 * 1024 * 1024), name: "tall.xlsx" }), 413, /pakker seg ut til mer enn 100 MB/],
    ["an old .xls", () => ({ file: Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]), name: "tall.xls" }), 415, /gamle Excel-formatet/],
    ["an empty file", () => ({ file: Buffer.alloc(0) }), 400, /Velg en fil/],
  ];
  it.each(cases)("%s", async (_name, make, status, message) => {
    const upload = await make();
    const before = await counts();
    for (const path of [PREVIEW, IMPORTS]) {
      const res = await post(c.member, path, upload);
      expect(res.status, path).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("a file the form did not send as multipart, or without a group, is a 400", async () => {
    expect((await c.member.json(IMPORTS, "POST", { file: "x" })).status).toBe(400);
    const f = form({ file: "Yrke;Behov;Tilbud\r\nKokk;1;1\r\n" });
    f.delete("groupId");
    expect((await c.member.fetch(IMPORTS, { method: "POST", body: f })).status).toBe(400);
  });
});

describe("who may import and undo", () => {
  it("signed out 401, another forum 404, a steering member outside the group 403; nothing written", async () => {
    const csv = figuresCsv(3, { prefix: uniq() });
    const before = await counts();
    for (const [who, status] of [["anonymous", 401], ["outsider", 404], ["steering", 403]] as const) {
      for (const path of [PREVIEW, IMPORTS]) expect((await post(c[who], path, { file: csv })).status, `${who} ${path}`).toBe(status);
    }
    expect(await counts()).toEqual(before);
  });

  it("everyone in the forum reads the list; only those who work in the group undo", async () => {
    const { batch } = await commit(c.leader, { file: figuresCsv(2, { prefix: uniq() }) });
    for (const [who, status] of [["anonymous", 401], ["outsider", 404]] as const) {
      expect((await c[who].fetch(IMPORTS)).status).toBe(status);
      expect((await c[who].fetch(undoPath(batch.id), { method: "POST" })).status).toBe(status);
    }
    const list = (await (await c.steering.fetch(IMPORTS)).json()) as { batches: Batch[] };
    expect(list.batches.find((b) => b.id === batch.id)).toMatchObject({ abilities: { undo: false } });
    expect((await c.steering.fetch(undoPath(batch.id), { method: "POST" })).status).toBe(403);
    expect((await c.member2.fetch(undoPath(batch.id), { method: "POST" })).status).toBe(200);
  });
});
