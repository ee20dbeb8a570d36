import { existsSync, copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

// Which database the tests run on: TEST_DATABASE=sqlite (the default: a file under tests/.tmp) or
// TEST_DATABASE=postgres (a database of its own on the PostgreSQL server at TEST_POSTGRES_URL,
// default postgresql://root@127.0.0.1:5432/postgres; trust authentication as on the CI machine).
// Every test server, copy and own database goes through a handle from here, so a test never needs to
// know which one it runs on.

export type TestDialect = "sqlite" | "postgres";

export const TEST_DIALECT: TestDialect = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

/** A test database: the URL a server or client opens, and the signed audit heads that belong to it. */
export interface TestDatabase {
  dialect: TestDialect;
  url: string;
  headFile: string;
  /** SQLite: the file; PostgreSQL: the database's name. */
  name: string;
}

const TMP = path.resolve("tests/.tmp");

function pgName(name: string): string {
  return `samrad_t_${name}`.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 63);
}

function pgUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The handle of test database `name`. Creates nothing. The process id is part of the name unless
 * `shared` (the end-to-end database, which Playwright's config and its workers name alike).
 */
export function testDatabase(name: string, opts: { dialect?: TestDialect; shared?: boolean } = {}): TestDatabase {
  const dialect = opts.dialect ?? TEST_DIALECT;
  const unique = opts.shared ? name : `${name}-${process.pid}`;
  if (dialect === "postgres") {
    const database = pgName(unique);
    return { dialect, url: pgUrl(database), headFile: path.join(TMP, `${unique}.pg.audit-head.jsonl`), name: database };
  }
  const file = path.join(TMP, `${unique}.db`);
  return { dialect, url: `file:${file}`, headFile: `${file}.audit-head.jsonl`, name: file };
}

const SQLITE_FILES = ["", "-wal", "-shm"];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Removes the database and its heads (nothing when absent). */
export async function dropTestDatabase(db: TestDatabase): Promise<void> {
  rmSync(db.headFile, { force: true });
  if (db.dialect === "sqlite") {
    for (const s of SQLITE_FILES) rmSync(db.name + s, { force: true });
    return;
  }
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${quoted(db.name)} WITH (FORCE)`));
}

/** A new, empty database under the handle (the server or migrateDatabase brings it to the schema). */
export async function freshTestDatabase(db: TestDatabase): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  await dropTestDatabase(db);
  if (db.dialect === "postgres") await admin((c) => c.query(`CREATE DATABASE ${quoted(db.name)}`));
}

/**
 * A copy of a database, with its signed heads, under the handle `copyName`. On PostgreSQL the
 * original must have no open connections (its server stopped), as CREATE DATABASE … TEMPLATE requires.
 */
export async function copyTestDatabase(from: TestDatabase, copyName: string): Promise<TestDatabase> {
  const to = testDatabase(copyName, { dialect: from.dialect });
  await dropTestDatabase(to);
  if (existsSync(from.headFile)) copyFileSync(from.headFile, to.headFile);
  if (from.dialect === "sqlite") {
    for (const s of SQLITE_FILES) if (existsSync(from.name + s)) copyFileSync(from.name + s, to.name + s);
  } else {
    await admin((c) => c.query(`CREATE DATABASE ${quoted(to.name)} TEMPLATE ${quoted(from.name)}`));
  }
  return to;
}

// `node --import tsx tests/support/test-database.ts fresh <name>`: a fresh shared database (Playwright's webServer).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]) && process.argv[2] === "fresh" && process.argv[3]) {
  await freshTestDatabase(testDatabase(process.argv[3], { shared: true }));
}

/**
 * Drops the PostgreSQL test databases of test processes that are gone (a run that was killed, or
 * servers kept for a restart and never dropped), so repeated runs do not fill the server.
 */
export async function dropStaleTestDatabases(): Promise<void> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  };
  await admin(async (c) => {
    const rows = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'samrad\\_t\\_%'`);
    for (const { datname } of rows.rows) {
      const pid = Number(/_(\d+)$/.exec(datname)?.[1]);
      if (pid && !alive(pid)) await c.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
    }
  });
}
