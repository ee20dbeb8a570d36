// The room store's writer thread: every write of a document's log and snapshot, on a better-sqlite3
// connection of its own, so that neither a commit (fsync) nor a compaction (re-encoding a whole
// document) ever runs on the sync server's event loop. The main thread hands over bytes and waits
// for "stored" before it acknowledges anything (lib/db/room-store.ts).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import * as Y from "yjs";
import type { TallyIncrement } from "../realtime/edit-stretches.ts";
import { asBuffer, isBusy, prismaDateTime } from "./room-sql.ts";

export type WriterRequest =
  | { id: number; op: "append"; documentId: string; data: Uint8Array; tallies: readonly TallyIncrement[] }
  | { id: number; op: "compact"; documentId: string; upToUpdateId: number }
  | { id: number; op: "forget"; documentId: string };

export type WriterReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string; code?: string };

/** A document as the last compaction left it, kept so the next one applies only the new rows. */
interface Folded {
  doc: Y.Doc;
  upTo: number;
}

/** Documents whose folded state is kept between compactions (the main thread forgets a room's on unload). */
const KEEP_FOLDED = 8;

function start(file: string) {
  const port = parentPort!;
  const sqlite = new Database(file, { timeout: 0 });
  sqlite.pragma("journal_mode = WAL");
  const q = {
    append: sqlite.prepare('INSERT INTO "DocumentUpdate" ("documentId", "data", "createdAt") VALUES (?, ?, ?)'),
    // A tally deleted by a grouped notice mid-stretch starts again at one change: those edits are news.
    tally: sqlite.prepare(
      'INSERT INTO "DocumentEditTally" ("documentId", "userId", "changes", "lastEditAt") VALUES (@documentId, @userId, MAX(@changes, 1), @at) ' +
        'ON CONFLICT ("documentId", "userId") DO UPDATE SET "changes" = "changes" + @changes, "lastEditAt" = MAX("lastEditAt", @at)',
    ),
    snapshotOf: sqlite.prepare('SELECT state FROM "Document" WHERE id = ?'),
    rowsBetween: sqlite.prepare('SELECT id, data FROM "DocumentUpdate" WHERE documentId = ? AND id > ? AND id <= ? ORDER BY id'),
    // Prisma's `update` sets @updatedAt; so does this, to keep the column's meaning.
    snapshot: sqlite.prepare('UPDATE "Document" SET "state" = ?, "excerpt" = ?, "updatedAt" = ? WHERE id = ?'),
    dropFolded: sqlite.prepare('DELETE FROM "DocumentUpdate" WHERE documentId = ? AND id <= ?'),
  };

  type Append = Extract<WriterRequest, { op: "append" }>;
  const appendOne = (a: Append) => {
    const id = Number(q.append.run(a.documentId, asBuffer(a.data), prismaDateTime()).lastInsertRowid);
    for (const t of a.tallies) q.tally.run({ documentId: a.documentId, userId: t.userId, changes: t.changes, at: prismaDateTime(t.lastEditAt) });
    return id;
  };
  // Group commit: every append waiting when the thread is free goes into one transaction (one fsync).
  const appendAll = sqlite.transaction((batch: readonly Append[]) => batch.map(appendOne));
  const appendAlone = sqlite.transaction(appendOne);
  const writeSnapshot = sqlite.transaction((documentId: string, state: Uint8Array, excerpt: string, upTo: number) => {
    q.snapshot.run(asBuffer(state), excerpt, prismaDateTime(), documentId);
    q.dropFolded.run(documentId, upTo);
  });

  const folded = new Map<string, Folded>();
  // The excerpt needs the editor's schema: loaded as the thread starts (with the server, before
  // any client), so no compaction, and no append queued behind one, waits for it.
  const render = import("../editor/render.ts");
  render.catch(() => undefined);

  /**
   * Folds the stored snapshot and the stored log rows up to `upTo` into one update. Only rows read
   * here are folded and deleted: rows written meanwhile (by the room or by a command) have larger
   * ids and stay in the log. Row ids only grow (AUTOINCREMENT) and only this thread deletes rows or
   * writes snapshots, so a kept fold plus the rows after it is exactly what is stored.
   */
  async function compact(documentId: string, upTo: number) {
    let f = folded.get(documentId);
    if (!f) {
      const doc = new Y.Doc();
      const row = q.snapshotOf.get(documentId) as { state: Buffer | null } | undefined;
      if (row?.state) Y.applyUpdate(doc, row.state);
      f = { doc, upTo: 0 };
    }
    folded.delete(documentId);
    const rows = q.rowsBetween.all(documentId, f.upTo, upTo) as { id: number; data: Buffer }[];
    const doc = f.doc;
    doc.transact(() => {
      for (const r of rows) Y.applyUpdate(doc, r.data);
    });
    f.upTo = Math.max(f.upTo, upTo);
    const state = Y.encodeStateAsUpdate(doc);
    const { excerptOf, ydocToPreviewText } = await render;
    const excerpt = excerptOf(ydocToPreviewText(doc));
    for (let attempt = 0; ; attempt += 1) {
      try {
        writeSnapshot(documentId, state, excerpt, upTo);
        break;
      } catch (error) {
        if (!isBusy(error) || attempt >= 400) {
          doc.destroy();
          throw error;
        }
        // Appends that arrive while Prisma holds the lock are served first (they may wait too).
        await new Promise((resolve) => setTimeout(resolve, Math.min(25, 1 + attempt)));
        await drainAppends();
      }
    }
    folded.set(documentId, f);
    while (folded.size > KEEP_FOLDED) {
      const [oldest, entry] = folded.entries().next().value!;
      entry.doc.destroy();
      folded.delete(oldest);
    }
    return { bytes: state.length };
  }

  const queue: WriterRequest[] = [];
  let running = false;
  const reply = (message: WriterReply) => port.postMessage(message);
  const fail = (id: number, error: unknown) =>
    reply({ id, ok: false, message: error instanceof Error ? error.message : String(error), code: (error as { code?: string })?.code });

  /** Commits every queued append at the front of the queue, as one transaction when it can. */
  async function drainAppends() {
    const batch: Append[] = [];
    while (queue[0]?.op === "append") batch.push(queue.shift() as Append);
    if (!batch.length) return;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const ids = appendAll(batch);
        batch.forEach((a, i) => reply({ id: a.id, ok: true, result: ids[i] }));
        return;
      } catch (error) {
        if (isBusy(error) && attempt < 400) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(25, 1 + attempt)));
          continue;
        }
        if (isBusy(error) || batch.length === 1) {
          for (const a of batch) fail(a.id, error);
          return;
        }
        // One bad append must not fail the others: each on its own.
        for (const a of batch) {
          try {
            reply({ id: a.id, ok: true, result: appendAlone(a) });
          } catch (single) {
            fail(a.id, single);
          }
        }
        return;
      }
    }
  }

  async function pump() {
    if (running) return;
    running = true;
    try {
      while (queue.length) {
        if (queue[0]!.op === "append") {
          await drainAppends();
          continue;
        }
        const job = queue.shift()!;
        try {
          if (job.op === "compact") reply({ id: job.id, ok: true, result: await compact(job.documentId, job.upToUpdateId) });
          else {
            folded.get(job.documentId)?.doc.destroy();
            folded.delete(job.documentId);
            reply({ id: job.id, ok: true, result: null });
          }
        } catch (error) {
          folded.delete(job.documentId);
          fail(job.id, error);
        }
      }
    } finally {
      running = false;
    }
  }

  port.on("message", (request: WriterRequest) => {
    queue.push(request);
    // Messages that arrived together are all queued before the first write: they share its commit.
    if (!running) setImmediate(() => void pump());
  });
}

start((workerData as { file: string }).file);
