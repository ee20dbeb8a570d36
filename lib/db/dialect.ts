/** Which database a URL names. SQLite (`file:…`) is the default; PostgreSQL serves several instances. */
export type Dialect = "sqlite" | "postgres";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function dialectOf(url: string): Dialect {
  return isPostgresUrl(url) ? "postgres" : "sqlite";
}
