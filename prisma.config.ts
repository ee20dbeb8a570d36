// Prisma CLI configuration. The engines are never downloaded: the schema engine is replaced by the
// driver adapter, so the CLI works on machines that only reach the npm registry.
// DATABASE_URL picks the database: `file:…` is SQLite (the default, prisma/schema.prisma and
// prisma/migrations); `postgres://…` or `postgresql://…` is PostgreSQL (prisma/postgres/, a schema
// generated from the SQLite one, with migrations of its own).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/dev/null";

import path from "node:path";
import { defineConfig } from "prisma/config";

// With a config file the CLI does not read .env, so the default lives here too (see lib/env.ts).
const url = process.env.DATABASE_URL ?? "file:./data/samrad.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: postgres ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations") },
  adapter: async () => {
    if (postgres) {
      // The CLI needs adapter-pg 7 (6.19 cannot read PostgreSQL's `name` columns that the schema engine
      // asks for); the runtime client keeps the adapter of its own version (lib/db/client.ts).
      const { PrismaPg } = await import("@prisma/adapter-pg-cli");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
