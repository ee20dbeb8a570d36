import { randomBytes } from "node:crypto";
import { resealLegacyAudit, resealToDigests } from "./db/audit.ts";
import { createDb } from "./db/client.ts";
import { releaseLease, takeLease } from "./db/leases.ts";
import { migrateDatabase } from "./db/prepare.ts";
import { seedDemo } from "./db/seed-demo.ts";
import { parseEnv, type Env } from "./env.ts";
import { rebuildSearchIndex } from "./search/index.ts";
import { writeAuditHeads } from "./services/audit-heads.ts";

/** Validates the environment or exits with the list of what is wrong. */
export function envOrExit(): Env {
  const parsed = parseEnv(process.env);
  if (!parsed.ok) {
    console.error("Samråd cannot start; the environment has problems:");
    for (const p of parsed.problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  return parsed.env;
}

/** Applies migrations, reseals audit rows from before keyed chains and, on an empty database with SEED_DEMO on, loads the demo forum (and indexes it for search). */
export async function prepareDatabase(env: Env): Promise<void> {
  await migrateDatabase(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  // Instances that start together take turns: the first reseals and seeds, the next find it done.
  const holder = randomBytes(12).toString("hex");
  try {
    for (let waited = 0; !(await takeLease(db, "boot", holder, 5 * 60_000)); waited += 250) {
      if (waited % 10_000 === 0) console.log("Waiting for another instance to finish starting up…");
      await new Promise((r) => setTimeout(r, 250));
    }
    const sealed = await resealLegacyAudit(db, env.AUDIT_SECRET);
    if (sealed === "resealed") console.log("Resealed the audit log's earlier entries with AUDIT_SECRET, one chain per forum.");
    if (sealed === "broken") console.error("The audit log's earlier (unkeyed) entries do not verify; they are left as they are and reported by npm run audit:verify.");
    const digested = await resealToDigests(db, env.AUDIT_SECRET);
    if (digested === "resealed") {
      // Every hash from the first resealed entry on changed: sign the new heads at once.
      await writeAuditHeads(db, env.AUDIT_HEAD_FILE, env.AUDIT_SECRET);
      console.log("Resealed the audit log's entries so that their MACs cover digests of their content (personal data can then be erased).");
    }
    if (digested === "broken") console.error("The audit log does not verify; its entries are left under the earlier scheme (no erasure of their content) and reported by npm run audit:verify.");
    if (env.SEED_DEMO && (await seedDemo(db))) {
      // The demo forum is small: its search index is built before the server answers.
      await rebuildSearchIndex(db);
      console.log("Loaded the demo forum (see README: demo accounts).");
    }
  } finally {
    await releaseLease(db, "boot", holder).catch(() => {});
    await db.$disconnect();
  }
}
