import pg from "pg";

// Direct PostgreSQL connections for the measured hot paths (the sync server's room store, the page
// reads), beside Prisma's own pool. Prisma owns the schema and the domain's writes; these only run the
// named, prepared statements of their one repository each.

// Prisma stores DateTime as `timestamp(3)` without a time zone, in UTC. node-postgres would read such
// a value as local time; read it as UTC, as Prisma does. (1114 = timestamp, 1184 = timestamptz.)
pg.types.setTypeParser(1114, (value: string) => new Date(`${value.replace(" ", "T")}Z`));
// COUNT(*) and SUM over integers come back as int8 (bigint); every count here fits a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

const KEY = Symbol.for("samrad.pgPools");
const holder = globalThis as unknown as Record<symbol, Map<string, pg.Pool> | undefined>;

/**
 * The process's pool for one purpose (`name`) on one database; made once, kept on globalThis because
 * Next's bundled route handlers and server.ts load separate copies of this module in one process.
 */
export function pgPool(url: string, name: string, max: number): pg.Pool {
  const pools = (holder[KEY] ??= new Map());
  const key = `${name} ${url}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max, application_name: `samrad-${name}` });
    // An idle client that loses its connection (server restart, failover) is dropped from the pool;
    // without a listener the error would end the process.
    pool.on("error", (error: Error) => console.error(`PostgreSQL pool ${name}: idle connection lost`, error.message));
    pools.set(key, pool);
  }
  return pool;
}

/** Closes a pool made by pgPool (at shutdown, and in tests). */
export async function closePgPool(url: string, name: string): Promise<void> {
  const pools = holder[KEY];
  const key = `${name} ${url}`;
  const pool = pools?.get(key);
  if (!pool) return;
  pools!.delete(key);
  await pool.end();
}
