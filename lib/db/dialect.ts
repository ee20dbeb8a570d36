/** Which database a URL names. SQLite (`file:…`) is the default; PostgreSQL serves several instances. */
export type Dialect = "sqlite" | "postgres";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function dialectOf(url: string): Dialect {
  return isPostgresUrl(url) ? "postgres" : "sqlite";
}

/**
 * The database a Prisma client or transaction talks to. A test process holds clients on other
 * databases than its own DATABASE_URL, so code that writes SQL per database asks the client.
 */
export function dialectOfClient(client: object): Dialect {
  return (client as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgres" : "sqlite";
}

/**
 * A "text contains" filter for Prisma that ignores case on both databases: SQLite's LIKE already
 * folds (ASCII) case, PostgreSQL's needs Prisma's insensitive mode (ILIKE, which folds æ/ø/å too).
 */
export function containsText(client: object, q: string): { contains: string } {
  return dialectOfClient(client) === "postgres" ? ({ contains: q, mode: "insensitive" } as { contains: string }) : { contains: q };
}
