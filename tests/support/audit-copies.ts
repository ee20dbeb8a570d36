import { spawn } from "node:child_process";
import type { Db } from "../../lib/db/client.ts";
import { testDb } from "./factories.ts";
import { copyTestDatabase, dropTestDatabase, type TestDatabase } from "./test-database.ts";
import { serverEnv } from "./test-env.ts";

// For tests of the audit chain on a stopped server's database: `npm run audit:verify` as an
// operator runs it, and copies of the database with its signed heads to tamper with one at a time.

/** `npm run audit:verify` against a database (and the signed heads that belong to it). */
export function runAuditVerify(database: TestDatabase, args: string[] = []): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "audit:verify", "--", ...args], { env: serverEnv(0, database), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, out }));
  });
}

/** Copies of one stopped server's database (with its signed heads); `removeAll` deletes them and the original. */
export class DatabaseCopies {
  private readonly made: { database: TestDatabase; db: Db }[] = [];

  constructor(private readonly original: () => TestDatabase | undefined) {}

  async copy(name: string): Promise<{ database: TestDatabase; db: Db }> {
    const original = this.original();
    if (!original) throw new Error("no database to copy yet");
    const database = await copyTestDatabase(original, `${name}-copy`);
    const copy = { database, db: testDb(database.url) };
    this.made.push(copy);
    return copy;
  }

  async removeAll(): Promise<void> {
    for (const c of this.made) await c.db.$disconnect().catch(() => {});
    const original = this.original();
    for (const d of [...this.made.map((c) => c.database), ...(original ? [original] : [])]) await dropTestDatabase(d);
  }
}
