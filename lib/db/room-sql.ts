// What the room store's two connections (the main thread's reads, the writer thread's writes) share.

/**
 * A DateTime as Prisma's SQLite adapter writes it (ISO text with "+00:00", not "Z"), so rows
 * written here read back through Prisma unchanged. Booleans are stored as 0/1.
 */
export function prismaDateTime(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

export const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown })?.code === "string" && (error as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * Runs a write on a connection without ever blocking its thread on a lock. better-sqlite3 is
 * synchronous: with a busy timeout it would spin while Prisma (same process, other connection)
 * holds a write transaction across an await — and, on the main thread, Prisma could never reach
 * its COMMIT, so both would stall until the timeout. With no busy timeout a locked database fails
 * at once and the write is tried again after a short async pause, during which Prisma commits.
 */
export async function withoutBlocking<T>(write: () => T): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || attempt >= 400) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(25, 1 + attempt)));
    }
  }
}
