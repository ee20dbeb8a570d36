import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrateDatabase } from "../../lib/db/prepare.ts";
import { dropTestDatabase, freshTestDatabase, testDatabase } from "../support/test-database.ts";

// PostgreSQL has migrations of its own (prisma/postgres/migrations). This checks that they build
// exactly the schema prisma/postgres/schema.prisma describes: a schema change that adds a SQLite
// migration but forgets the PostgreSQL one fails here. Runs wherever PostgreSQL answers (CI always).

const fromMigrations = testDatabase("pg-from-migrations", { dialect: "postgres" });
const fromSchema = testDatabase("pg-from-schema", { dialect: "postgres" });

/** What Prisma's schema language cannot say, added by hand in the migrations (and only there). */
const BY_HAND = /SearchEntry|SearchIndexState|ApprovalRequest_one_open_per_document|_prisma_migrations/;

function dump(url: string): string[] {
  const r = spawnSync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", url], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  // One statement per entry, without comments and the dump's own settings; by-hand objects left out.
  return r.stdout
    .split(/;\n/)
    .map((s) => s.split("\n").filter((l) => l.trim() && !l.startsWith("--") && !l.startsWith("SET ") && !l.startsWith("SELECT pg_catalog") && !l.startsWith("\\")).join("\n").trim())
    .filter((s) => s && !BY_HAND.test(s))
    .sort();
}

afterAll(async () => {
  await dropTestDatabase(fromMigrations);
  await dropTestDatabase(fromSchema);
});

describe("PostgreSQL migrations", () => {
  it("build the schema that prisma/postgres/schema.prisma describes", async () => {
    await freshTestDatabase(fromMigrations);
    await freshTestDatabase(fromSchema);
    await migrateDatabase(fromMigrations.url);
    // The same schema straight from the models.
    const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
    const diff = spawnSync(process.execPath, [cli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgres/schema.prisma", "--script"], {
      env: { ...process.env, DATABASE_URL: fromSchema.url },
      encoding: "utf8",
    });
    expect(diff.status, diff.stderr).toBe(0);
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    try {
      await client.query(diff.stdout);
    } finally {
      await client.end();
    }
    const built = dump(fromMigrations.url);
    expect(built.length).toBeGreaterThan(100);
    expect(built).toEqual(dump(fromSchema.url));
  }, 60_000);
});
