import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-pg/client.ts";
import { env } from "../env.ts";
import { isPostgresUrl } from "./dialect.ts";

/**
 * The Prisma client. Its type is the SQLite client's: the PostgreSQL client is generated from the same
 * models (prisma/postgres/schema.prisma), so the model APIs are the same and one type serves both.
 */
export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { samradPrisma?: Db };

/**
 * Opens a Prisma client on DATABASE_URL's database: a SQLite file (`file:…`) or PostgreSQL
 * (`postgres://…`, pool of DATABASE_POOL_SIZE connections). Tests and scripts pass their own URL.
 */
export function createDb(url: string, opts: { poolSize?: number } = {}): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: opts.poolSize ?? 10 });
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/** The process-wide Prisma client (one per process, survives hot reload in development). */
export function db(): Db {
  globalForPrisma.samradPrisma ??= createDb(env().DATABASE_URL, { poolSize: env().DATABASE_POOL_SIZE });
  return globalForPrisma.samradPrisma;
}
