import { randomBytes } from "node:crypto";
import type { Db } from "./client.ts";
import { Prisma } from "./generated/prisma/client.ts";

// Work that must run once although several instances (or two overlapping ticks of one) reach for it:
// the due-date reminders, the start-up steps, the search rebuild. A lease is a row per job name;
// whoever holds it unexpired runs the job, everyone else skips this round. Taking it is one
// conditional UPDATE (or the INSERT of a missing row, where the primary key lets one win), so it
// needs no lock service; it expires by itself when its holder dies. Jobs stay idempotent as well: the
// lease keeps them from running side by side, their own marks keep them from repeating work.

export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

/** Takes the lease `name` for `ttlMs` if nobody holds it; true when this caller (`holder`) now has it. */
export async function takeLease(db: Db, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({ where: { name, expiresAt: { lte: now } }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    // The row exists (held by someone else), or another caller created it a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease back (only the holder's own). */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.jobLease.deleteMany({ where: { name, holder } });
}

/**
 * Runs `job` under the lease `name` when it is free, and gives it back afterwards (also when the job
 * throws). `ttlMs` must exceed the job's longest run: a holder that dies frees it only at expiry.
 */
export async function withLease<T>(db: Db, name: string, ttlMs: number, job: () => Promise<T>): Promise<LeaseOutcome<T>> {
  const holder = randomBytes(12).toString("hex");
  if (!(await takeLease(db, name, holder, ttlMs))) return { ran: false };
  try {
    return { ran: true, value: await job() };
  } finally {
    await releaseLease(db, name, holder).catch((error: unknown) => console.error(`Could not release the lease ${name}`, error));
  }
}

/** The lease of a periodic job: longer than any run of it, short enough that a dead holder's lapses soon. */
export const JOB_LEASE_MS = 10 * 60_000;
