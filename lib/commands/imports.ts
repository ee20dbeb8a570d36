import { db } from "../db/client.ts";
import { findGroup } from "../db/groups.ts";
import {
  batchChanges, findImportBatch, laterBatchesTouching, needsByNaturalKey, newId, RESTORABLE, writeImport, writeUndo,
  type ExistingNeed, type Restorable,
} from "../db/imports.ts";
import type { Translate } from "../i18n/index.ts";
import { mappingProblems, providedFields, readRows, type RowProblem } from "../imports/rows.ts";
import type { Table } from "../imports/table.ts";
import { mayCreateNeedIn, mayUndoImport, needAbilities } from "../policies/need.ts";
import { presentImportBatch, type ImportBatchView, type ImportResult } from "../presenters/import.ts";
import { AppError } from "../services/errors.ts";
import { planImport } from "../services/imports.ts";
import type { NeedFields } from "../validation/need.ts";
import type { ImportOptions } from "../validation/import.ts";
import { runCommand, type CommandCaller } from "./command.ts";

/** A large import holds the database for seconds: allow it more than the usual 15 s. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

export type ImportPhase = "read" | "check" | "write";

/** An import refused for its rows: 422 with every problem (the first PROBLEMS_LISTED_MAX listed). */
function rowsRejected(problems: RowProblem[], problemCount: number, problemRows: number): AppError {
  return new AppError("invalid_rows", "errors.invalidRows", { rows: problemRows, count: problemCount }, { detail: { problems, problemCount, problemRows } });
}

/**
 * Commits an import, all or nothing: every row is read and checked first (any problem refuses the
 * whole file, listing them all); then, in one transaction, rows whose natural key the forum already
 * has update that need (only the fields the file gives), the others create needs; the mapping is
 * remembered for the source; one audit event with the counts. `needs.changed` after commit.
 */
export async function commitImport(
  caller: CommandCaller,
  input: { options: ImportOptions; table: Table; fileName: string },
  t: Translate,
  onProgress?: (phase: ImportPhase, done: number, total: number | null) => void,
): Promise<ImportResult> {
  const { options, table } = input;
  const plan = await planImport(db(), caller.forumId, options, table.headers);
  const blocked = mappingProblems(plan.settings, table.headers, t);
  if (blocked.length) throw new AppError("invalid_input", "imports.errors.mapping", { problems: blocked.join(" ") });
  const read = await readRows(table, plan.settings, plan.lookups, t, (done, total) => onProgress?.("check", done, total));
  if (read.problemCount > 0) throw rowsRejected(read.problems, read.problemCount, read.problemRows);
  const provided = RESTORABLE.filter((k) => providedFields(plan.settings).has(k));
  // Without a title column, an update keeps the title the need has (it may have been given one by hand).
  const written: readonly Restorable[] = provided.filter((k) => k !== "title" || Object.values(plan.settings.mapping).includes("title"));

  return runCommand(caller, async (ctx) => {
    if (!mayCreateNeedIn(ctx.standing, options.groupId)) throw new AppError("forbidden");
    if (!(await findGroup(ctx.tx, ctx.standing.forum.id, options.groupId))) throw new AppError("invalid_input", "imports.errors.unknownGroup");
    const existing = await needsByNaturalKey(ctx.tx, ctx.standing.forum.id, read.rows.map((r) => r.naturalKey));
    const creates: { id: string; naturalKey: string; fields: NeedFields }[] = [];
    const updates: { existing: ExistingNeed; fields: NeedFields }[] = [];
    const refused: RowProblem[] = [];
    for (const row of read.rows) {
      const need = existing.get(row.naturalKey);
      if (!need) creates.push({ id: newId(), naturalKey: row.naturalKey, fields: row.fields });
      else if (needAbilities(ctx.standing, { groupId: need.groupId, archived: false }).update) updates.push({ existing: need, fields: row.fields });
      else refused.push({ row: row.row, column: null, message: t("imports.problems.otherGroupsNeed") });
    }
    if (refused.length) throw rowsRejected(refused.slice(0, 1000), refused.length, refused.length);
    const batch = {
      id: newId(), forumId: ctx.standing.forum.id, groupId: options.groupId, sourceName: options.sourceName, fileName: input.fileName,
      format: table.format, rowCount: read.rows.length, createdById: caller.userId, createdAt: new Date(),
    };
    const total = creates.length + updates.length;
    onProgress?.("write", 0, total);
    await writeImport(ctx.tx, ctx.actor, { batch, creates, updates, provided: written, mapping: plan.settings.mapping }, (done) => onProgress?.("write", done, total));
    ctx.emit({ type: "needs.changed", forumId: ctx.standing.forum.id });
    const row = await findImportBatch(ctx.tx, ctx.standing.forum.id, batch.id);
    return { batch: presentImportBatch(ctx.standing, row!), created: creates.length, updated: updates.length };
  }, { timeoutMs: IMPORT_TIMEOUT_MS });
}

/**
 * Undoes an import: needs it created are deleted, needs it updated get their previous values back.
 * Refused (409, saying why) when a later import that is not undone wrote any of the same needs (undo
 * that one first), when a need was changed by hand since, or when a need it created is now linked
 * to a recommendation or action.
 */
export function undoImport(caller: CommandCaller, batchId: string): Promise<ImportBatchView> {
  return runCommand(caller, async (ctx) => {
    const forumId = ctx.standing.forum.id;
    const batch = await findImportBatch(ctx.tx, forumId, batchId);
    if (!batch) throw new AppError("not_found");
    if (batch.undoneAt) throw new AppError("conflict", "imports.errors.alreadyUndone");
    if (!mayUndoImport(ctx.standing, { groupId: batch.groupId, createdById: batch.createdById, undone: false })) throw new AppError("forbidden");
    const later = await laterBatchesTouching(ctx.tx, batch.id);
    if (later.length) {
      const names = later.map((b) => `«${b.fileName}»`).join(", ");
      throw new AppError("conflict", "imports.errors.laterImport", { count: later.length, files: names });
    }
    const changes = await batchChanges(ctx.tx, batch.id);
    const wroteAt = batch.createdAt.getTime();
    // What this batch wrote is still there exactly when the need still names it and its time.
    const untouched = (c: (typeof changes)[number]) => c.now !== null && c.now.importBatchId === batch.id && c.now.updatedAt.getTime() === wroteAt;
    const changedByHand = changes.filter((c) => c.now !== null && !untouched(c)).length;
    if (changedByHand) throw new AppError("conflict", "imports.errors.changedSince", { count: changedByHand });
    const linked = changes.filter((c) => c.before === null && (c.now?.links ?? 0) > 0).length;
    if (linked) throw new AppError("conflict", "imports.errors.linkedSince", { count: linked });
    const created = changes.filter((c) => c.before === null && c.now !== null).map((c) => c.needId);
    const restored = changes.filter((c) => c.before !== null && c.now !== null).map((c) => ({ needId: c.needId, before: c.before! }));
    await writeUndo(ctx.tx, ctx.actor, { id: batch.id, forumId }, created, restored);
    ctx.emit({ type: "needs.changed", forumId });
    return presentImportBatch(ctx.standing, (await findImportBatch(ctx.tx, forumId, batch.id))!);
  }, { timeoutMs: IMPORT_TIMEOUT_MS });
}
