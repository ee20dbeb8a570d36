import { db } from "../db/client.ts";
import { JOB_LEASE_MS, withLease } from "../db/leases.ts";
import { transaction } from "../db/transaction.ts";
import { insertVersion, latestVersionState, quietDocuments } from "../db/versions.ts";
import { env } from "../env.ts";
import { freezeStoredDocument } from "./frozen-state.ts";
import { sameEdits } from "./version-content.ts";

/** How often the server looks for documents that have gone quiet. */
export const AUTO_VERSION_CHECK_MS = 60_000;

/**
 * Freezes an automatic version of every document whose text has been quiet for `quietMs` and was
 * edited after its newest version. A document whose stored text holds the same edits as its newest
 * version (the same SHA-256, or the same edits in other bytes: a compacted snapshot, a metadata
 * change that moved `updatedAt`) gets none; `checked` remembers such a document's last edit so it
 * is not frozen again every minute. Returns how many versions were made.
 */
export async function runAutoVersions(opts: { now?: Date; quietMs?: number; checked?: Map<string, number> } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const quietMs = opts.quietMs ?? env().VERSION_QUIET_MS;
  const checked = opts.checked ?? new Map<string, number>();
  let made = 0;
  for (const doc of await quietDocuments(db(), new Date(now.getTime() - quietMs))) {
    const lastEdit = doc.lastEditAt.getTime();
    if (doc.lastVersionAt && doc.lastVersionAt.getTime() >= lastEdit) continue;
    if (checked.get(doc.id) === lastEdit) continue;
    const frozen = await freezeStoredDocument(doc.id);
    const latest = await latestVersionState(db(), doc.id);
    if (!latest || (latest.sha256 !== frozen.sha256 && !sameEdits(latest.state, frozen.state))) {
      await transaction((tx) =>
        insertVersion(tx, { system: true, attributedTo: doc.createdById }, doc.forumId, { documentId: doc.id, kind: "AUTO", name: "", ...frozen }),
      );
      made += 1;
    }
    checked.set(doc.id, lastEdit);
  }
  return made;
}

/** Runs `runAutoVersions` every minute (one run at a time); returns the function that stops it. */
export function startAutoVersions(log: (message: string, error: unknown) => void = console.error): () => void {
  const checked = new Map<string, number>();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    // One instance freezes versions at a time (two would number the same version twice).
    withLease(db(), "auto-versions", JOB_LEASE_MS, () => runAutoVersions({ checked }))
      .catch((error: unknown) => log("Automatic versions failed", error))
      .finally(() => (running = false));
  }, AUTO_VERSION_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
