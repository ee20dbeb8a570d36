import { randomBytes } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Prisma } from "./generated/prisma/client.ts";
import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import { dialectOfClient } from "./dialect.ts";
import type { DbClient } from "./types.ts";
import type { NeedFields } from "../validation/need.ts";

// Imports of figures write in bulk: needs in batches of rows (createMany, and one UPDATE … FROM a
// VALUES list per chunk), never one statement per row; one audit event per import, with counts.

/**
 * Rows per statement: far below SQLite's 32,766 bound variables at 25 columns a row, and small
 * enough that each statement (with the turn of the event loop after it) keeps the loop free.
 */
const CHUNK = 250;

/** An id in the shape of the ones Prisma makes (lower-case letters and digits, 25 characters). */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`.slice(0, 25);
}

/** How SQLite (through the driver adapter) stores a DateTime: ISO 8601 with an explicit offset. */
const sqlDate = (d: Date | null) => (d === null ? null : d.toISOString().replace("Z", "+00:00"));

/**
 * The list in chunks, with a turn of the event loop before each chunk after the first. The SQLite
 * driver answers synchronously, so a loop of awaited statements would otherwise run as one chain
 * of microtasks and hold the event loop (and the sync server's sockets) for the whole import.
 */
async function* chunks<T>(list: readonly T[], size = CHUNK): AsyncGenerator<T[]> {
  for (let i = 0; i < list.length; i += size) {
    if (i > 0) await nextTurn();
    yield list.slice(i, i + size);
  }
}

/** The forum's regions and target areas an imported row's names and codes are matched against (active ones). */
export async function importLookups(db: DbClient, forumId: string) {
  const [regions, targetAreas] = await Promise.all([
    db.region.findMany({ where: { forumId, archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, code: true, kind: true } }),
    db.targetArea.findMany({ where: { forumId, archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  return { regions, targetAreas };
}

/** The mapping last used for a source in the forum, or null. */
export async function findImportMapping(db: DbClient, forumId: string, sourceName: string): Promise<Record<string, string> | null> {
  const row = await db.importMapping.findUnique({ where: { forumId_sourceName: { forumId, sourceName } }, select: { mapping: true } });
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.mapping) as unknown;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** Names of the sources the forum has imported from (for the form's suggestions), most recent first. */
export async function listImportSources(db: DbClient, forumId: string): Promise<string[]> {
  const rows = await db.importMapping.findMany({ where: { forumId }, orderBy: { updatedAt: "desc" }, select: { sourceName: true }, take: 100 });
  return rows.map((r) => r.sourceName);
}

export async function saveImportMapping(tx: DbClient, forumId: string, sourceName: string, mapping: Record<string, string>): Promise<void> {
  const json = JSON.stringify(mapping);
  await tx.importMapping.upsert({ where: { forumId_sourceName: { forumId, sourceName } }, create: { forumId, sourceName, mapping: json }, update: { mapping: json } });
}

/** What an import may overwrite on a need, and what undo puts back (with who last wrote it, and when). */
export const RESTORABLE = [
  "title", "description", "field", "styrk", "nus", "nace", "regionId", "period", "demand", "supply", "unit", "sourceName",
  "sourceUrl", "sourceDate", "confidence", "notes", "targetAreaId",
] as const satisfies readonly (keyof NeedFields)[];
export type Restorable = (typeof RESTORABLE)[number];

const existingSelect = {
  id: true, naturalKey: true, groupId: true, importBatchId: true, updatedAt: true,
  ...Object.fromEntries(RESTORABLE.map((k) => [k, true])),
} as { [K in Restorable | "id" | "naturalKey" | "groupId" | "importBatchId" | "updatedAt"]: true };

export type ExistingNeed = Prisma.NeedGetPayload<{ select: typeof existingSelect }>;

/** The forum's needs with these natural keys (imported figures), by key. */
export async function needsByNaturalKey(db: DbClient, forumId: string, keys: readonly string[]): Promise<Map<string, ExistingNeed>> {
  const out = new Map<string, ExistingNeed>();
  // Prisma refuses model queries with more than 999 parameters on SQLite.
  for await (const part of chunks(keys, 990)) {
    const rows = await db.need.findMany({ where: { forumId, naturalKey: { in: part } }, select: existingSelect });
    for (const row of rows) out.set(row.naturalKey!, row);
  }
  return out;
}

/** SQL values of need fields (dates as stored). */
function sqlValue(key: string, value: unknown): unknown {
  if (key === "sourceDate" || key === "updatedAt") return value === null || value === undefined ? null : sqlDate(value instanceof Date ? value : new Date(String(value)));
  return value ?? null;
}

/**
 * PostgreSQL types the columns of a VALUES list from its values, and parameters arrive untyped (as
 * text): the need columns that are not text are cast back to their type. SQLite needs no casts.
 */
const NEED_COLUMN_CASTS: Record<string, string> = { demand: "double precision", supply: "double precision", sourceDate: "timestamp(3)", updatedAt: "timestamp(3)" };

/**
 * Sets columns of many needs in one statement per chunk (WITH v(…) AS (VALUES …) UPDATE … FROM v):
 * `rows` are [id, ...values in `columns` order]. Each need's version goes up by one.
 */
async function updateNeeds(tx: DbClient, columns: readonly string[], rows: readonly unknown[][], onChunk?: (n: number) => void) {
  const names = ["id", ...columns];
  const postgres = dialectOfClient(tx) === "postgres";
  const value = (c: string) => (postgres && NEED_COLUMN_CASTS[c] ? `v."${c}"::${NEED_COLUMN_CASTS[c]}` : `v."${c}"`);
  for await (const part of chunks(rows)) {
    const values = Prisma.join(part.map((r) => Prisma.sql`(${Prisma.join(r.map((v, i) => (i === 0 ? v : sqlValue(columns[i - 1]!, v))))})`));
    await tx.$executeRaw`
      WITH v(${Prisma.raw(names.map((n) => `"${n}"`).join(", "))}) AS (VALUES ${values})
      UPDATE "Need" SET ${Prisma.raw(columns.map((c) => `"${c}" = ${value(c)}`).join(", "))}, "version" = "Need"."version" + 1
      FROM v WHERE "Need"."id" = v."id"`;
    onChunk?.(part.length);
  }
}

const NEED_INSERT_COLUMNS = [
  "id", "forumId", "groupId", "targetAreaId", "title", "description", "field", "styrk", "nus", "nace", "regionId", "period",
  "demand", "supply", "unit", "sourceName", "sourceUrl", "sourceDate", "confidence", "notes", "naturalKey", "importBatchId",
  "createdById", "createdAt", "updatedAt",
] as const;

/**
 * Inserts many rows with one INSERT … VALUES per chunk. Prisma's createMany builds an argument
 * object per row and spent most of a 50,000-row import there (and in garbage collection); values
 * as plain parameters cost a fraction. Values must be in stored form (dates via sqlDate).
 */
async function insertRows(tx: DbClient, table: "Need" | "ImportChange", columns: readonly string[], rows: readonly unknown[][], onChunk?: (n: number) => void) {
  const names = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  for await (const part of chunks(rows)) {
    const values = Prisma.join(part.map((r) => Prisma.sql`(${Prisma.join(r.map((v) => v ?? null))})`));
    await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names}) VALUES ${values}`;
    onChunk?.(part.length);
  }
}

export interface ImportWrite {
  batch: { id: string; forumId: string; groupId: string; sourceName: string; fileName: string; format: string; rowCount: number; createdById: string; createdAt: Date };
  creates: { id: string; naturalKey: string; fields: NeedFields }[];
  updates: { existing: ExistingNeed; fields: NeedFields }[];
  /** The fields the import sets on needs it updates. */
  provided: readonly Restorable[];
  mapping: Record<string, string>;
}

/**
 * Writes one import: the batch, new needs (createMany), changed needs (their previous values kept in
 * ImportChange.before), the source's mapping and one audit event. Needs it writes carry the batch's
 * id and time as `importBatchId` and `updatedAt`: undo compares them to see what changed since.
 */
export async function writeImport(tx: DbClient, actor: Actor, w: ImportWrite, onProgress?: (written: number) => void): Promise<void> {
  const { batch } = w;
  await tx.importBatch.create({ data: { ...batch, created: w.creates.length, updated: w.updates.length } });
  let written = 0;
  const progress = (n: number) => onProgress?.((written += n));
  const createdAt = sqlDate(batch.createdAt);
  await insertRows(tx, "Need", NEED_INSERT_COLUMNS, w.creates.map((c) => {
    const f = c.fields;
    return [
      c.id, batch.forumId, batch.groupId, f.targetAreaId, f.title, f.description, f.field, f.styrk, f.nus, f.nace, f.regionId, f.period,
      f.demand, f.supply, f.unit, f.sourceName, f.sourceUrl, f.sourceDate ? sqlDate(new Date(`${f.sourceDate}T00:00:00Z`)) : null,
      f.confidence, f.notes, c.naturalKey, batch.id, batch.createdById, createdAt, createdAt,
    ];
  }), progress);
  const columns = [...w.provided, "importBatchId", "updatedAt"];
  await updateNeeds(
    tx, columns,
    w.updates.map((u) => [u.existing.id, ...w.provided.map((k) => u.fields[k]), batch.id, batch.createdAt]),
    progress,
  );
  const changes = [
    ...w.creates.map((c) => ({ batchId: batch.id, needId: c.id, before: null })),
    ...w.updates.map((u) => ({ batchId: batch.id, needId: u.existing.id, before: JSON.stringify(beforeOf(u.existing, w.provided)) })),
  ];
  await insertRows(tx, "ImportChange", ["batchId", "needId", "before"], changes.map((ch) => [ch.batchId, ch.needId, ch.before]));
  await saveImportMapping(tx, batch.forumId, batch.sourceName, w.mapping);
  await appendAudit(tx, {
    forumId: batch.forumId, actorId: actor.userId, ip: actor.ip, action: "needs.import", entityType: "ImportBatch", entityId: batch.id,
    after: { groupId: batch.groupId, sourceName: batch.sourceName, fileName: batch.fileName, format: batch.format, count: batch.rowCount, created: w.creates.length, updated: w.updates.length },
  });
}

/** A need's values before an import changed them: the fields it sets, and who last wrote it and when. */
function beforeOf(existing: ExistingNeed, provided: readonly Restorable[]): Record<string, unknown> {
  const out: Record<string, unknown> = { importBatchId: existing.importBatchId, updatedAt: existing.updatedAt.toISOString() };
  for (const k of provided) {
    const v = existing[k];
    out[k] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  }
  return out;
}

const listSelect = {
  id: true, groupId: true, sourceName: true, fileName: true, format: true, rowCount: true, created: true, updated: true,
  createdAt: true, undoneAt: true, createdById: true,
  createdBy: { select: { id: true, name: true } },
} as const;

export type ImportBatchRow = Prisma.ImportBatchGetPayload<{ select: typeof listSelect }> & { groupName: string; undoneByName: string | null };

async function batchRows(db: DbClient, where: Prisma.ImportBatchWhereInput, take: number): Promise<ImportBatchRow[]> {
  const rows = await db.importBatch.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: { ...listSelect, undoneById: true } });
  const groupIds = [...new Set(rows.map((r) => r.groupId))];
  const undoers = [...new Set(rows.map((r) => r.undoneById).filter((v): v is string => v !== null))];
  const [groups, users] = await Promise.all([
    db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: undoers } }, select: { id: true, name: true } }),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return rows.map(({ undoneById, ...r }) => ({ ...r, groupName: groupName.get(r.groupId) ?? "", undoneByName: undoneById ? (userName.get(undoneById) ?? null) : null }));
}

/** The forum's imports, newest first, with who ran (and who undid) each and its group's name. */
export function listImportBatches(db: DbClient, forumId: string, take = 50): Promise<ImportBatchRow[]> {
  return batchRows(db, { forumId }, take);
}

/** One import of the forum, or null (also for another forum's). */
export async function findImportBatch(db: DbClient, forumId: string, id: string): Promise<ImportBatchRow | null> {
  return (await batchRows(db, { forumId, id }, 1))[0] ?? null;
}

/** Imports after this one (not undone) that wrote any of the same needs: they block its undo. */
export async function laterBatchesTouching(tx: DbClient, batchId: string) {
  return tx.$queryRaw<{ id: string; fileName: string; sourceName: string; createdAt: string }[]>`
    SELECT DISTINCT b."id", b."fileName", b."sourceName", b."createdAt"
    FROM "ImportChange" c1
    JOIN "ImportChange" c2 ON c2."needId" = c1."needId" AND c2."id" > c1."id"
    JOIN "ImportBatch" b ON b."id" = c2."batchId"
    WHERE c1."batchId" = ${batchId} AND b."undoneAt" IS NULL
    ORDER BY b."createdAt"`;
}

/** What a batch did, need by need, with each need's state now (null: the need is gone). */
export async function batchChanges(tx: DbClient, batchId: string) {
  const changes = await tx.importChange.findMany({ where: { batchId }, select: { needId: true, before: true }, orderBy: { id: "asc" } });
  const now = new Map<string, { importBatchId: string | null; updatedAt: Date; links: number }>();
  for await (const part of chunks(changes.map((c) => c.needId))) {
    const rows = await tx.need.findMany({ where: { id: { in: part } }, select: { id: true, importBatchId: true, updatedAt: true, _count: { select: { links: true } } } });
    for (const r of rows) now.set(r.id, { importBatchId: r.importBatchId, updatedAt: r.updatedAt, links: r._count.links });
  }
  return changes.map((c) => ({ needId: c.needId, before: c.before === null ? null : (JSON.parse(c.before) as Record<string, unknown>), now: now.get(c.needId) ?? null }));
}

/**
 * Undoes a batch: deletes the needs it created, puts back the previous values of those it updated
 * (their version still goes up: an open edit form of one is stale), and marks it undone; one audit event.
 */
export async function writeUndo(
  tx: DbClient,
  actor: Actor,
  batch: { id: string; forumId: string },
  created: readonly string[],
  restored: readonly { needId: string; before: Record<string, unknown> }[],
): Promise<void> {
  for await (const part of chunks(created)) await tx.need.deleteMany({ where: { id: { in: part }, forumId: batch.forumId } });
  // Batches are uniform (one mapping), but group by the kept keys so nothing assumes it.
  const bySignature = new Map<string, { columns: string[]; rows: unknown[][] }>();
  for (const r of restored) {
    const columns = Object.keys(r.before).filter((k) => (RESTORABLE as readonly string[]).includes(k) || k === "importBatchId" || k === "updatedAt").sort();
    const signature = columns.join(",");
    const group = bySignature.get(signature) ?? { columns, rows: [] };
    group.rows.push([r.needId, ...columns.map((c) => r.before[c] ?? null)]);
    bySignature.set(signature, group);
  }
  for (const { columns, rows } of bySignature.values()) await updateNeeds(tx, columns, rows);
  await tx.importBatch.update({ where: { id: batch.id }, data: { undoneAt: new Date(), undoneById: actor.userId } });
  await appendAudit(tx, {
    forumId: batch.forumId, actorId: actor.userId, ip: actor.ip, action: "needs.import.undo", entityType: "ImportBatch", entityId: batch.id,
    after: { deleted: created.length, restored: restored.length },
  });
}
