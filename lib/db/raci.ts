import type { Prisma } from "./generated/prisma/client.ts";

/**
 * Parties in the order they were given: one createMany writes them with one createdAt, and their ids
 * (cuids) grow in the order they were made. The id settles ties on PostgreSQL, whose sort leaves them
 * in any order (SQLite's kept the rows' order).
 */
export const RACI_ORDER: Prisma.ResponsibilityOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];

/** A RACI list as the audit log records it: "A:Kari Moen", "R:gruppe Prosjektgruppen". */
export function raciSummary(rows: { role: string; user: { name: string } | null; group: { name: string } | null }[]): string[] {
  return rows.map((r) => `${r.role}:${r.user?.name ?? `gruppe ${r.group?.name}`}`);
}
