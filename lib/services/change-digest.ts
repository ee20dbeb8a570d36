import { db } from "../db/client.ts";
import { JOB_LEASE_MS, withLease } from "../db/leases.ts";
import { claimDigest, documentsDueDigest, takeEditTallies, type DigestCandidate, type EditTally } from "../db/edit-tallies.ts";
import { followerIds } from "../db/follows.ts";
import { queueNotifications, type NewNotification } from "../db/notifications.ts";
import { transaction } from "../db/transaction.ts";
import { env } from "../env.ts";
import { publish } from "../events/bus.ts";
import type { ChangeDetail } from "../presenters/notification.ts";

/**
 * One grouped DOCUMENT_CHANGED notice per follower: the changes of everyone else, editors with the
 * most changes first. A follower whose own edits are the only ones gets none (nothing is news to them).
 */
export function digestNotifications(doc: DigestCandidate, tallies: readonly EditTally[], followers: readonly string[]): NewNotification[] {
  const ordered = [...tallies].filter((t) => t.changes > 0).sort((a, b) => b.changes - a.changes || a.name.localeCompare(b.name, "nb"));
  const out: NewNotification[] = [];
  for (const userId of followers) {
    const others = ordered.filter((t) => t.userId !== userId);
    if (others.length === 0) continue;
    const detail: ChangeDetail = { changes: others.reduce((n, t) => n + t.changes, 0), editors: others.map((t) => t.name) };
    out.push({ userId, forumId: doc.forumId, type: "DOCUMENT_CHANGED", actionItemId: null, documentId: doc.id, detail: JSON.stringify(detail), title: doc.title });
  }
  return out;
}

/**
 * Sends the grouped change notices that are due: for each document with changes waiting whose
 * followers had no notice in the last `windowMinutes` (DOCUMENT_DIGEST_MINUTES), claims it (a
 * conditional update of `digestedAt`, so overlapping ticks never send twice), takes its tallies
 * and queues one notice per follower, all in one transaction; e-mail through the outbox when SMTP
 * is on. Returns how many notices were queued.
 */
export async function runChangeDigest(opts: { now?: Date; windowMinutes?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - (opts.windowMinutes ?? env().DOCUMENT_DIGEST_MINUTES) * 60_000);
  const mail = Boolean(env().SMTP_URL);
  let queued = 0;
  for (const doc of await documentsDueDigest(db(), cutoff)) {
    queued += await transaction(async (tx) => {
      if (!(await claimDigest(tx, doc.id, cutoff, now))) return 0;
      const tallies = await takeEditTallies(tx, doc.id);
      const list = digestNotifications(doc, tallies, await followerIds(tx, doc.id));
      await queueNotifications(tx, list, { mail, now });
      return list.length;
    });
  }
  if (queued > 0 && mail) publish({ type: "mail.queued" });
  return queued;
}

/** Runs `runChangeDigest` every DOCUMENT_DIGEST_TICK_MS (one run at a time); returns the function that stops it. */
export function startChangeDigest(log: (message: string, error: unknown) => void = console.error): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    withLease(db(), "change-digest", JOB_LEASE_MS, () => runChangeDigest())
      .catch((error: unknown) => log("Grouped change notices failed", error))
      .finally(() => (running = false));
  }, env().DOCUMENT_DIGEST_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
