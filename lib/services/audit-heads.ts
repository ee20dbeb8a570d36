// Signed heads of the audit chains: written out of the database (a file and the server log) so that
// deleting the newest entries is detected by comparing with the last head written (README "Audit trail").
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import path from "node:path";
import { auditChainHead, auditKey, listAuditChains, sameHex } from "../db/audit.ts";
import type { DbClient } from "../db/types.ts";

export interface AuditHead {
  chain: string;
  count: number;
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

export function macHead(key: string, h: Omit<AuditHead, "mac">): string {
  return createHmac("sha256", key).update(JSON.stringify(["audit-head", h.chain, h.count, h.seq, h.hash, h.at])).digest("hex");
}

/** Signs the current head of every chain, appends one line per chain to `file` and logs it. */
export async function writeAuditHeads(db: DbClient, file: string, key = auditKey(), log: (line: string) => void = console.log) {
  const at = new Date().toISOString();
  const heads: AuditHead[] = [];
  for (const chain of await listAuditChains(db)) {
    const h = { ...(await auditChainHead(db, chain)), at };
    heads.push({ ...h, mac: macHead(key, h) });
  }
  if (heads.length === 0) return heads;
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, heads.map((h) => JSON.stringify(h) + "\n").join(""), { mode: 0o600 });
  for (const h of heads) log(`Audit head ${JSON.stringify(h)}`);
  return heads;
}

/** The newest correctly signed head of each chain in the file, and the lines that are not (by number). */
export function readAuditHeads(file: string, key = auditKey()): { heads: Map<string, AuditHead>; badLines: number[] } {
  const heads = new Map<string, AuditHead>();
  const badLines: number[] = [];
  if (!existsSync(file)) return { heads, badLines };
  readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const h = JSON.parse(line) as AuditHead;
      if (typeof h.mac !== "string" || !sameHex(macHead(key, h), h.mac)) badLines.push(i + 1);
      else heads.set(h.chain, h);
    } catch {
      badLines.push(i + 1);
    }
  });
  return { heads, badLines };
}

/** Writes heads now and every `minutes`; returns a function that writes one last time (at shutdown). */
export function startAuditHeads(db: DbClient, file: string, minutes: number) {
  const write = () => writeAuditHeads(db, file).catch((error: unknown) => console.error("Writing audit heads failed", error));
  void write();
  const timer = setInterval(write, minutes * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await write();
  };
}
