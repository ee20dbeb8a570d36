import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "../../lib/db/client.ts";
import { migrateDatabase } from "../../lib/db/prepare.ts";
import { seedDemo } from "../../lib/db/seed-demo.ts";
import { freshTestDatabase, testDatabase } from "./test-database.ts";

/**
 * For a test file whose code under test uses the process-wide database (a job run in-process): points
 * DATABASE_URL at a database of the file's own (TEST_DATABASE picks SQLite or PostgreSQL), migrated and seeded before its tests. Call it at
 * the top of the file, before the code under test opens the database.
 */
export function ownSeededDatabase(name: string): { db: () => Db } {
  const database = testDatabase(name);
  process.env.DATABASE_URL = database.url;
  let db: Db | undefined;
  beforeAll(async () => {
    await freshTestDatabase(database);
    await migrateDatabase(process.env.DATABASE_URL!);
    db = createDb(process.env.DATABASE_URL!);
    await seedDemo(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });
  return { db: () => db! };
}
