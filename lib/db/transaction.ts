import { Prisma } from "./generated/prisma/client.ts";
import { db } from "./client.ts";
import type { DbClient } from "./types.ts";

/** A unique constraint refused a write (another request got there first). */
export class UniqueViolation extends Error {
  constructor(readonly fields: string[]) {
    super(`unique constraint on ${fields.join(", ") || "unknown fields"}`);
    this.name = "UniqueViolation";
  }
}

function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const target = (error.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined);
  if (Array.isArray(target?.target)) return target.target.map(String);
  if (typeof target?.target === "string") return [target.target];
  return target?.driverAdapterError?.cause?.constraint?.fields ?? [];
}

/**
 * Runs `work` in one interactive transaction: the reads that check a rule and the writes it allows
 * commit together or not at all. On SQLite the driver adapter runs one transaction at a time per
 * process, so invariants read inside (counts, versions) cannot change underneath. A unique
 * constraint that refuses a write becomes a UniqueViolation, never an unhandled error. `timeoutMs`
 * lengthens the 15 s limit for the rare bulk write (an import of many rows).
 */
export async function transaction<T>(work: (tx: DbClient) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  try {
    return await db().$transaction(work, { timeout: options.timeoutMs ?? 15_000, maxWait: 15_000 });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UniqueViolation(uniqueFields(error));
    throw error;
  }
}
