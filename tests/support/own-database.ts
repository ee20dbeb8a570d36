import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "../../lib/db/client.ts";
import { migrateDatabase } from "../../lib/db/prepare.ts";
import { seedDemo } from "../../lib/db/seed-demo.ts";

/**
 * For a test file whose code under test uses the process-wide database (a job run in-process): points
 * DATABASE_URL at a SQLite file of the file's own, migrated and seeded before its tests. Call it at
 * the top of the file, before the code under test opens the database.
 */
export function ownSeededDatabase(name: string): { db: () => Db } {
  const file = path.resolve(`tests/.tmp/${name}-${process.pid}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  let db: Db | undefined;
  beforeAll(async () => {
    for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    migrateDatabase(process.env.DATABASE_URL!);
    db = createDb(process.env.DATABASE_URL!);
    await seedDemo(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });
  return { db: () => db! };
}
