import { spawn } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import type { Db } from "../../lib/db/client.ts";
import { testDb } from "./factories.ts";
import { serverEnv } from "./test-env.ts";

// For tests of the audit chain on a stopped server's database: `npm run audit:verify` as an
// operator runs it, and copies of the database with its signed heads to tamper with one at a time.

const FILES = ["", "-wal", "-shm", ".audit-head.jsonl"];

/** `npm run audit:verify` against a SQLite file (and the signed heads beside it). */
export function runAuditVerify(dbFile: string, args: string[] = []): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "audit:verify", "--", ...args], { env: serverEnv(0, dbFile), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, out }));
  });
}

/** Copies of one database file (with its WAL and signed heads); `removeAll` deletes them and the original. */
export class DatabaseCopies {
  private readonly made: string[] = [];

  constructor(private readonly original: () => string | undefined) {}

  copy(name: string): { file: string; db: Db } {
    const original = this.original();
    if (!original) throw new Error("no database to copy yet");
    const file = original.replace(/\.db$/, `-${name}.db`);
    for (const s of FILES) {
      rmSync(file + s, { force: true });
      if (existsSync(original + s)) copyFileSync(original + s, file + s);
    }
    this.made.push(file);
    return { file, db: testDb(`file:${file}`) };
  }

  removeAll(): void {
    const original = this.original();
    for (const f of [...this.made, ...(original ? [original] : [])]) for (const s of FILES) rmSync(f + s, { force: true });
  }
}
