import Database from "better-sqlite3";
import { sqlitePath } from "./prepare.ts";

/**
 * The hot write path of live documents: one prepared INSERT on a connection of its own (WAL mode
 * lets it sit beside Prisma's). A Prisma query costs milliseconds of CPU here; this costs tens of
 * microseconds, which is what lets a room store every short window of edits as one row.
 * The row format is exactly Prisma's (ISO timestamps), so Prisma reads these rows as its own.
 */
export function openUpdateLog(url: string) {
  const sqlite = new Database(sqlitePath(url), { timeout: 10_000 });
  sqlite.pragma("journal_mode = WAL");
  const insert = sqlite.prepare('INSERT INTO "DocumentUpdate" ("documentId", "data", "createdAt") VALUES (?, ?, ?)');
  return {
    /** Appends one update row; returns its id. Durable when it returns. */
    append(documentId: string, data: Uint8Array): number {
      const at = new Date().toISOString().replace("Z", "+00:00");
      return Number(insert.run(documentId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), at).lastInsertRowid);
    },
    close() {
      sqlite.close();
    },
  };
}

export type UpdateLog = ReturnType<typeof openUpdateLog>;
