import type { DbClient } from "./types.ts";

export async function recordLoginAttempt(db: DbClient, email: string, ip: string, success: boolean, at: Date) {
  await db.loginAttempt.create({ data: { email, ip, success, createdAt: at } });
}

/** Times of failed attempts since `since` for an account or an address, oldest first. */
export async function failureTimes(db: DbClient, by: { email: string } | { ip: string }, since: Date): Promise<Date[]> {
  const rows = await db.loginAttempt.findMany({
    where: { ...by, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

/** Forgets an account's failures after a successful sign-in, and rows too old to matter. */
export async function clearLoginFailures(db: DbClient, email: string, olderThan: Date) {
  await db.loginAttempt.deleteMany({ where: { OR: [{ email, success: false }, { createdAt: { lt: olderThan } }] } });
}
