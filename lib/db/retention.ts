import type { DbClient } from "./types.ts";

/** What the retention sweep deletes: rows older than their period, a batch at a time. */
export type RetainedTable = "loginAttempts" | "readNotifications";

/**
 * Deletes up to `batch` rows of a table that are older than `before` (sign-in attempts by their
 * time; notifications only once read, by when they were read); returns how many went. Small
 * batches keep each write short, so sign-ins and the sync server's writes are not held up.
 */
export async function deleteExpiredBatch(db: DbClient, table: RetainedTable, before: Date, batch: number): Promise<number> {
  if (table === "loginAttempts") {
    const rows = await db.loginAttempt.findMany({ where: { createdAt: { lt: before } }, select: { id: true }, orderBy: { id: "asc" }, take: batch });
    if (rows.length === 0) return 0;
    return (await db.loginAttempt.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
  }
  const rows = await db.notification.findMany({ where: { readAt: { lt: before } }, select: { id: true }, take: batch });
  if (rows.length === 0) return 0;
  return (await db.notification.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
}
