/** A RACI list as the audit log records it: "A:Kari Moen", "R:gruppe Prosjektgruppen". */
export function raciSummary(rows: { role: string; user: { name: string } | null; group: { name: string } | null }[]): string[] {
  return rows.map((r) => `${r.role}:${r.user?.name ?? `gruppe ${r.group?.name}`}`);
}
