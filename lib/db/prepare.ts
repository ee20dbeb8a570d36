import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";

/** The file path behind a `file:` SQLite URL, relative to the working directory. */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").split("?")[0]!);
}

/**
 * Brings the database file up to the committed migrations (prisma migrate deploy, no engine
 * downloads) and switches it to WAL so readers never wait for the writer.
 */
export function migrateDatabase(url: string): void {
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
  }
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
