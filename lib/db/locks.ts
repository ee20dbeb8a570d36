import { dialectOfClient } from "./dialect.ts";
import type { DbClient } from "./types.ts";

// Serialising writers that must not interleave. On SQLite the driver adapter runs one write
// transaction at a time (per file), so a read made inside a transaction cannot change before it
// commits, and these are no-ops. On PostgreSQL (READ COMMITTED, many connections, several instances)
// they take a transaction-scoped advisory lock: held until COMMIT or ROLLBACK, never leaked.

/** Lock namespaces (the first key of PostgreSQL's two-key advisory locks), one per kind of invariant. */
export const LOCK = {
  /** A forum's commands: version checks, "max + 1" numbering, counts read by rules. */
  forum: 1,
  /** An audit chain's head: the next sequence number and hash. */
  auditChain: 2,
  /** Sign-in attempts of one e-mail address or one IP address (the limits count them). */
  signIn: 3,
  /** E-mail outbox claims of one person and notification type. */
  mail: 4,
  /** Numbering across forums (pseudonyms of erased members). */
  global: 5,
} as const;
export type LockSpace = keyof typeof LOCK;

/**
 * Waits for and holds the lock on `key` in `space` until the transaction ends. Take several in a
 * fixed order (lockKeys sorts them) so two transactions never wait on each other.
 */
export async function lockKey(tx: DbClient, space: LockSpace, key: string): Promise<void> {
  if (dialectOfClient(tx) !== "postgres") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK[space]}::int4, hashtext(${key}::text))`;
}

/** Several keys of one space, in sorted order (no deadlock between two callers taking overlapping sets). */
export async function lockKeys(tx: DbClient, space: LockSpace, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await lockKey(tx, space, key);
}
