import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";
import { env } from "../env.ts";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { samradPrisma?: Db };

/** Opens a Prisma client on a SQLite file URL (tests and scripts pass their own). */
export function createDb(url: string): Db {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/** The process-wide Prisma client (one per process, survives hot reload in development). */
export function db(): Db {
  globalForPrisma.samradPrisma ??= createDb(env().DATABASE_URL);
  return globalForPrisma.samradPrisma;
}
