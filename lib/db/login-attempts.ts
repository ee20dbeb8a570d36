import type { DbClient } from "./types.ts";

/** Records an attempt; returns its row id (ids grow with every insert, so they order attempts). */
export async function recordLoginAttempt(db: DbClient, email: string, ip: string, success: boolean, at: Date): Promise<number> {
  const row = await db.loginAttempt.create({ data: { email, ip, success, createdAt: at }, select: { id: true } });
  return row.id;
}

export async function deleteLoginAttempt(db: DbClient, id: number) {
  await db.loginAttempt.deleteMany({ where: { id } });
}

type Scope = { email: string; ip: string } | { email: string } | { ip: string };

/** Failed attempts since `since` for an account and address, an account, or an address, up to row `upToId`. */
export async function countFailures(db: DbClient, by: Scope, since: Date, upToId: number): Promise<number> {
  return db.loginAttempt.count({ where: { ...by, success: false, createdAt: { gte: since }, id: { lte: upToId } } });
}

/** Times of failed attempts since `since` for an account and address, an account, or an address, oldest first. */
export async function failureTimes(db: DbClient, by: Scope, since: Date): Promise<Date[]> {
  const rows = await db.loginAttempt.findMany({
    where: { ...by, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

/**
 * Forgets the failures of this account from this address after a successful sign-in. Failures
 * from other addresses stay: a success here does not reset an attack there. Old rows are left to
 * the retention sweep (lib/services/retention.ts, `RETENTION_LOGIN_ATTEMPTS_DAYS`): they are the
 * sign-in history a person's data export shows.
 */
export async function clearLoginFailures(db: DbClient, email: string, ip: string) {
  await db.loginAttempt.deleteMany({ where: { email, ip, success: false } });
}
