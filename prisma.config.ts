// Prisma CLI configuration. The engines are never downloaded: the schema engine is replaced by the
// driver adapter (better-sqlite3), so the CLI works on machines that only reach the npm registry.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/dev/null";

import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// With a config file the CLI does not read .env, so the default lives here too (see lib/env.ts).
const url = process.env.DATABASE_URL ?? "file:./data/samrad.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
