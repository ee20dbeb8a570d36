import { db } from "../db/client.ts";
import { JOB_LEASE_MS, withLease } from "../db/leases.ts";
import { deleteExpiredBatch, type RetainedTable } from "../db/retention.ts";
import { env } from "../env.ts";

/** How often the sweep runs after the one at start. */
export const RETENTION_SWEEP_MS = 3600_000;
const BATCH = 500;
const DAY_MS = 24 * 3600_000;

export interface RetentionPeriods {
  loginAttemptsDays: number;
  readNotificationsDays: number;
}

/** The configured periods (`RETENTION_LOGIN_ATTEMPTS_DAYS`, `RETENTION_READ_NOTIFICATIONS_DAYS`). */
export function retentionPeriods(): RetentionPeriods {
  return { loginAttemptsDays: env().RETENTION_LOGIN_ATTEMPTS_DAYS, readNotificationsDays: env().RETENTION_READ_NOTIFICATIONS_DAYS };
}

/**
 * Deletes sign-in attempts older than their period and notifications read longer ago than theirs
 * (unread ones stay however old), in batches; returns how many rows of each went. Safe to run as
 * often as you like.
 */
export async function runRetention(opts: { now?: Date; periods?: RetentionPeriods; batch?: number } = {}): Promise<Record<RetainedTable, number>> {
  const now = opts.now ?? new Date();
  const periods = opts.periods ?? retentionPeriods();
  const batch = opts.batch ?? BATCH;
  const cutoffs: Record<RetainedTable, Date> = {
    loginAttempts: new Date(now.getTime() - periods.loginAttemptsDays * DAY_MS),
    readNotifications: new Date(now.getTime() - periods.readNotificationsDays * DAY_MS),
  };
  const deleted: Record<RetainedTable, number> = { loginAttempts: 0, readNotifications: 0 };
  for (const table of Object.keys(cutoffs) as RetainedTable[]) {
    for (;;) {
      const n = await deleteExpiredBatch(db(), table, cutoffs[table], batch);
      deleted[table] += n;
      if (n < batch) break;
    }
  }
  return deleted;
}

/** Runs the sweep shortly after start and then every hour (one run at a time), logging what it deleted; returns the function that stops it. */
export function startRetention(log: { info: (message: string) => void; error: (message: string, error: unknown) => void } = console): () => void {
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    // One instance sweeps at a time (the others skip this round).
    withLease(db(), "retention", JOB_LEASE_MS, () => runRetention())
      .then((r) => {
        if (!r.ran) return;
        const d = r.value;
        if (d.loginAttempts || d.readNotifications) log.info(`Retention: deleted ${d.loginAttempts} sign-in attempts and ${d.readNotifications} read notifications`);
      })
      .catch((error: unknown) => log.error("Retention sweep failed", error))
      .finally(() => (running = false));
  };
  const first = setTimeout(sweep, 5_000);
  const timer = setInterval(sweep, RETENTION_SWEEP_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
