import { findForumAccess, type ForumAccess } from "../db/forums.ts";
import type { Actor } from "../db/groups.ts";
import { queueNotifications, type NewNotification } from "../db/notifications.ts";
import { lockKey } from "../db/locks.ts";
import { transaction, UniqueViolation } from "../db/transaction.ts";
import type { DbClient } from "../db/types.ts";
import { env } from "../env.ts";
import { publish, type DomainEvent } from "../events/bus.ts";
import type { MessageKey } from "../i18n/index.ts";
import { forumAbilities } from "../policies/forum.ts";
import { AppError } from "../services/errors.ts";

/** Who runs a command: the caller and the forum they act in (their standing is re-read inside). */
export interface CommandCaller {
  userId: string;
  ip: string | null;
  forumId: string;
}

export interface CommandContext {
  tx: DbClient;
  actor: Actor;
  /** The caller's standing in the forum, read inside the transaction (not the request's copy). */
  standing: ForumAccess;
  /** Published once the transaction has committed (never for a change that rolled back). */
  emit(event: DomainEvent): void;
  /** In-app notifications (and their e-mail, via the outbox) written in the same transaction. */
  notify(list: NewNotification[]): Promise<void>;
}

/**
 * Runs one mutation: loads, checks (policy + invariants), writes and audits in one transaction,
 * then publishes what changed. A unique constraint that refuses the write is a 409 with
 * `uniqueMessage`, never a 500. The caller's standing is re-read inside the transaction, so a
 * rule can never pass on rights that were taken away a moment earlier.
 */
export async function runCommand<T>(
  caller: CommandCaller,
  work: (ctx: CommandContext) => Promise<T>,
  options: { uniqueMessage?: MessageKey; timeoutMs?: number } = {},
): Promise<T> {
  const events: DomainEvent[] = [];
  let queued = 0;
  let result: T;
  try {
    result = await transaction(async (tx) => {
      // One command of a forum at a time (as SQLite gives by itself): the version checks, counts and
      // "highest number + 1" that rules read inside cannot change before this one commits.
      await lockKey(tx, "forum", caller.forumId);
      const standing = await findForumAccess(tx, caller.userId, { id: caller.forumId });
      if (!standing) throw new AppError("not_found");
      return work({
        tx,
        actor: { userId: caller.userId, ip: caller.ip },
        standing,
        emit: (event) => events.push(event),
        notify: async (list) => {
          queued += list.length;
          await queueNotifications(tx, list, { mail: Boolean(env().SMTP_URL) });
        },
      });
    }, { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (error instanceof UniqueViolation) throw new AppError("conflict", options.uniqueMessage ?? "errors.conflict");
    throw error;
  }
  for (const event of events) publish(event);
  // The mail worker wakes up for what this command queued (it also polls, in case this is lost).
  if (queued > 0 && env().SMTP_URL) publish({ type: "mail.queued" });
  return result;
}

/** The forum's administration: only its administrators (asked of the policy, on the standing read in the transaction). */
export function mustAdminister(ctx: CommandContext): void {
  if (!forumAbilities(ctx.standing).administer) throw new AppError("forbidden");
}

/** A stale edit: the record moved on since `expected`; the 409 carries the current values. */
export function assertVersion(expected: number | undefined, current: { version: number }, present: () => unknown): void {
  if (expected !== undefined && expected !== current.version) throw new AppError("stale", "errors.stale", {}, { current: present() });
}
