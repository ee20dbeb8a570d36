import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "./dialect.ts";

/** The file path behind a `file:` SQLite URL, relative to the working directory. */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").split("?")[0]!);
}

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/postgres/migrations", import.meta.url));

const committed = (dir: string) =>
  readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, "migration.sql")))
    .sort();

/** Committed PostgreSQL migrations not yet applied to the database (all of them for an empty one). */
async function pendingPostgresMigrations(url: string): Promise<string[]> {
  const all = committed(POSTGRES_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
    if (!table.rows[0]?.t) return all;
    const rows = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.rows.map((r) => r.migration_name));
    return all.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/** Committed migrations not yet applied to the file (all of them for a new file). */
export function pendingMigrations(file: string): string[] {
  const all = committed(MIGRATIONS_DIR);
  if (!existsSync(file)) return all;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const rows = sqlite
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { migration_name: string }[];
    const applied = new Set(rows.map((r) => r.migration_name));
    return all.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

function runMigrateDeploy(url: string): void {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Brings the database up to the committed migrations (prisma migrate deploy, no engine downloads).
 * It runs only when a committed migration is not applied yet (starting Prisma's CLI costs seconds).
 * A SQLite file is switched to WAL so readers never wait for the writer. On PostgreSQL instances
 * that start together are safe: Prisma's migrate takes an advisory lock and applies each migration once.
 */
export async function migrateDatabase(url: string): Promise<void> {
  if (isPostgresUrl(url)) {
    if ((await pendingPostgresMigrations(url)).length > 0) runMigrateDeploy(url);
    return;
  }
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // Prisma's migrate command waits for exclusive access and fails while another process (a running
  // server, say) holds the file open, so it only runs when there is something to apply.
  if (pendingMigrations(file).length === 0) return;
  runMigrateDeploy(url);
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
