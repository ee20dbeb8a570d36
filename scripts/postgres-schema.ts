// Writes prisma/postgres/schema.prisma from prisma/schema.prisma. Prisma's generated client is bound to
// one provider, so PostgreSQL needs a schema (and client) of its own; it is made from the SQLite one so
// the models can never diverge: only the provider and the client's output folder differ.
// `npm run db:schema-pg` rewrites it; a unit test fails when the committed copy is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SOURCE = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));
export const POSTGRES_SCHEMA = fileURLToPath(new URL("../prisma/postgres/schema.prisma", import.meta.url));

/** The PostgreSQL schema text for a given SQLite schema text. */
export function postgresSchema(sqlite: string): string {
  const header =
    "// GENERATED from ../schema.prisma by scripts/postgres-schema.ts (npm run db:schema-pg). Do not edit:\n" +
    "// change ../schema.prisma, regenerate, and add a migration to both prisma/migrations and\n" +
    "// prisma/postgres/migrations.\n\n";
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer matches ${from}`);
    return text.replace(from, to);
  };
  let out = replace(sqlite, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  out = replace(out, /output\s*=\s*"\.\.\/lib\/db\/generated\/prisma"/, 'output     = "../../lib/db/generated/prisma-pg"');
  return header + out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SOURCE, "utf8")));
  console.log(`Wrote ${POSTGRES_SCHEMA}`);
}
