// `npm run audit:verify [-- --forum SLUG]`
// Walks each audit chain (or one forum's): sequence numbers without gaps, each entry linked to the
// previous one's hash, each entry's HMAC under AUDIT_SECRET, and the chain's last signed head in
// AUDIT_HEAD_FILE. Names the first bad entry of each chain; exit code 0 when all are intact, 1 otherwise.
import { parseArgs } from "node:util";
import { envOrExit } from "../lib/boot.ts";
import { auditChainHead, findAuditEntry, forumChainBySlug, listAuditChains, NO_FORUM_CHAIN, verifyAuditChain, type ChainProblem } from "../lib/db/audit.ts";
import { createDb } from "../lib/db/client.ts";
import { readAuditHeads } from "../lib/services/audit-heads.ts";
import { loadDataSecrets } from "./secrets.ts";

const { values } = parseArgs({ options: { forum: { type: "string" } } });
loadDataSecrets({ session: false });
const env = envOrExit();
const db = createDb(env.DATABASE_URL);

const REASONS: Record<ChainProblem["reason"], string> = {
  sequence: "sequence number out of order (an entry is missing or was inserted)",
  link: "does not link to the previous entry's hash",
  mac: "HMAC does not match its content (altered, or not written with this AUDIT_SECRET)",
  redacted: "redacted content altered (an erased entry's remaining content does not match its digest)",
  legacy: "written before keyed chains and never resealed",
  truncated: "newer entries recorded in a signed head are missing",
};

const describe = (p: ChainProblem) =>
  `first bad entry: id ${p.id ?? "–"}, sequence ${p.seq}, time ${p.createdAt?.toISOString() ?? "–"}, action ${p.action ?? "–"}: ${REASONS[p.reason]}${p.detail ? ` (${p.detail})` : ""}`;

let failed = false;
try {
  let chains = await listAuditChains(db);
  const { heads, badLines } = readAuditHeads(env.AUDIT_HEAD_FILE, env.AUDIT_SECRET);
  if (values.forum) {
    const chain = await forumChainBySlug(db, values.forum);
    if (!chain) {
      console.error(`audit:verify: no forum with the address "${values.forum}"`);
      process.exit(2);
    }
    chains = [chain];
  } else {
    // A chain the heads know of but the database no longer holds has been deleted entirely.
    for (const c of heads.keys()) if (!chains.includes(c)) chains.push(c);
    if (badLines.length) {
      failed = true;
      console.log(`Signed heads in ${env.AUDIT_HEAD_FILE}: lines ${badLines.join(", ")} are not signed with this AUDIT_SECRET.`);
    }
  }
  const slugs = new Map((await db.forum.findMany({ select: { id: true, slug: true } })).map((f) => [f.id, f.slug]));
  for (const chain of chains) {
    const name = chain === NO_FORUM_CHAIN ? "events without a forum" : `forum ${slugs.get(chain) ?? "(deleted)"} (${chain})`;
    let problem = await verifyAuditChain(db, chain, env.AUDIT_SECRET);
    const head = heads.get(chain);
    const now = await auditChainHead(db, chain);
    if (!problem && head) {
      const entry = await findAuditEntry(db, chain, head.seq);
      if (!entry || now.seq < head.seq) {
        problem = { id: null, seq: now.seq + 1, createdAt: null, action: null, reason: "truncated",
          detail: `the head signed at ${head.at} ends at sequence ${head.seq}; the database ends at ${now.seq}` };
      } else if (entry.hash !== head.hash) {
        problem = { id: entry.id, seq: head.seq, createdAt: entry.createdAt, action: entry.action, reason: "mac",
          detail: `differs from the head signed at ${head.at}` };
      }
    }
    if (problem) {
      failed = true;
      console.log(`BROKEN  ${name}: ${describe(problem)}`);
    } else {
      console.log(`intact  ${name}: ${now.count} entries${head ? `, matches the head signed at ${head.at} (sequence ${head.seq})` : ", no signed head yet"}`);
    }
  }
  if (chains.length === 0) console.log("No audit events yet.");
} finally {
  await db.$disconnect();
}
process.exit(failed ? 1 : 0);
