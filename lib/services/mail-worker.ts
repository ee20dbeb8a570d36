import type { Db } from "../db/client.ts";
import { claimMail, dueMail, mailRecipient, nextMailAt, notificationTargetGroup, settleMail, type OutboxRow } from "../db/notifications.ts";
import { commentPreviewOf } from "../presenters/notification.ts";
import type { Env } from "../env.ts";
import { subscribe } from "../events/bus.ts";
import { isLocale, translator, type MessageKey } from "../i18n/index.ts";
import { startOfOsloDay } from "../time/oslo.ts";
import { sendMail } from "./mailer.ts";
import { pages } from "../urls.ts";

// Delivers the e-mail side of notifications from the outbox (Notification.mailState), off the
// request path. Each row is claimed (PENDING → SENDING, a conditional update that must change exactly
// one row) before it is sent, so two workers or two ticks never send one twice. A claim is a lease:
// a row left in SENDING by a crash is taken again when the lease runs out. A crash after the SMTP
// server accepted a message but before it was marked SENT can therefore send it twice — the usual
// at-least-once trade-off; a refusal or an error from the SMTP server never does, since the message
// was not accepted.

export interface MailWorkerConfig {
  /** Longest sleep between looks at the outbox (rows queued by other processes; a nudge wakes it sooner). */
  pollMs: number;
  /** First retry delay; doubles per attempt up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a row is FAILED for good. */
  maxAttempts: number;
  /** How long a claim holds; must be longer than any send takes (the mailer's timeouts are far shorter). */
  leaseMs: number;
}

export function mailWorkerConfig(e: Env): MailWorkerConfig {
  return { pollMs: e.MAIL_POLL_MS, retryBaseMs: e.MAIL_RETRY_BASE_MS, retryMaxMs: e.MAIL_RETRY_MAX_MS, maxAttempts: e.MAIL_MAX_ATTEMPTS, leaseMs: e.MAIL_LEASE_MS };
}

/** Delay before retry number `attempts` (1, 2, 4, … × base, capped). */
export function retryDelayMs(attempts: number, c: Pick<MailWorkerConfig, "retryBaseMs" | "retryMaxMs">): number {
  return Math.min(c.retryMaxMs, c.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

type Send = (message: { to: string; subject: string; text: string }) => Promise<unknown>;

const COMMENT_TYPES = new Set(["COMMENT_THREAD", "COMMENT_REPLY", "MENTION"]);

/**
 * The e-mail for one notification, in the recipient's language, with a link: comments lead to
 * their thread and change notices to the document, approvals to the steering group's queue, the
 * rest to the recipient's actions. A comment's first words are quoted (as plain text).
 */
async function compose(db: Db, row: OutboxRow, appUrl: string) {
  const to = await mailRecipient(db, row.userId, row.forumId);
  if (!to) return null;
  const t = translator(isLocale(to.locale) ? to.locale : "nb");
  const approval = row.type === "APPROVAL_REQUESTED" || row.type === "APPROVAL_DECIDED" || row.type === "VOTE_REMINDER";
  const about = COMMENT_TYPES.has(row.type) || row.type === "DOCUMENT_CHANGED";
  const groupId = about ? await notificationTargetGroup(db, row) : null;
  const slug = to.forumSlug;
  const path =
    approval ? pages.approvals(slug)
    : groupId && row.documentId ? (row.threadId ? pages.documentThread(slug, groupId, row.documentId, row.threadId) : pages.document(slug, groupId, row.documentId))
    : groupId && row.actionItemId ? pages.actionDetail(slug, groupId, row.actionItemId, row.threadId ?? undefined)
    : pages.mine(slug);
  const link = appUrl + path;
  const what = t(`mail.what.${row.type}` as MessageKey, { title: row.title });
  const preview = COMMENT_TYPES.has(row.type) ? commentPreviewOf(row.detail) : null;
  return {
    to: to.email,
    subject: t(`mail.subject.${row.type}` as MessageKey, { title: row.title }),
    text: approval
      ? t("mail.bodyApproval", { name: to.name, what, link })
      : about
        ? t("mail.bodyAbout", { name: to.name, what: preview ? `${what}\n\n«${preview}»` : what, link })
        : t("mail.body", { name: to.name, what, link }),
  };
}

/** Claims, sends and settles one row; what happened to it. */
async function deliverOne(db: Db, row: OutboxRow, c: MailWorkerConfig & { appUrl: string; send: Send }) {
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + c.leaseMs);
  const claim = await claimMail(db, row, { now, leaseUntil, dayStart: startOfOsloDay(now), deferUntil: new Date(now.getTime() + c.retryBaseMs) });
  if (claim !== "claimed") return claim;
  const held = { id: row.id, leaseUntil };
  // A lease taken over from a crashed worker counts as an attempt too, so a poison row ends FAILED.
  const attempts = row.mailAttempts + 1;
  try {
    const message = await compose(db, row, c.appUrl);
    if (!message) {
      await settleMail(db, held, { state: "SKIPPED", error: "recipient or forum no longer exists" });
      return "skipped";
    }
    await c.send(message);
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    if (attempts >= c.maxAttempts) {
      console.error(`E-mail for notification ${row.id} failed ${attempts} times; giving up`, error);
      await settleMail(db, held, { state: "FAILED", attempts, error: text });
      return "failed";
    }
    await settleMail(db, held, { state: "PENDING", attempts, nextAt: new Date(Date.now() + retryDelayMs(attempts, c)), error: text });
    return "retry";
  }
  if (!(await settleMail(db, held, { state: "SENT", at: new Date() }))) console.warn(`E-mail for notification ${row.id} was sent after its lease ran out`);
  return "sent";
}

/**
 * Works through every e-mail that is due now, one at a time, until none is left or `stopping()`
 * says to stop. Returns how many rows it looked at.
 */
export async function deliverDueMail(
  db: Db,
  c: MailWorkerConfig & { appUrl: string; send?: Send; stopping?: () => boolean },
): Promise<number> {
  const opts = { ...c, send: c.send ?? sendMail };
  let handled = 0;
  for (;;) {
    const rows = await dueMail(db, new Date(), 20);
    for (const row of rows) {
      if (c.stopping?.()) return handled;
      await deliverOne(db, row, opts);
      handled += 1;
    }
    if (rows.length < 20) return handled;
  }
}

export interface MailWorker {
  /** Look at the outbox now (new rows were queued). */
  nudge(): void;
  /** Stops polling and waits for the message being sent, if any. */
  stop(): Promise<void>;
}

/**
 * Starts the mail worker: it wakes when nudged (the `mail.queued` domain event, published after a
 * change that queued e-mail), when the earliest retry or lease is due, and at least every pollMs.
 */
export function startMailWorker(db: Db, c: MailWorkerConfig & { appUrl: string; send?: Send }): MailWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const schedule = async () => {
    let wait = c.pollMs;
    try {
      const next = await nextMailAt(db);
      if (next) wait = Math.min(wait, Math.max(10, next.getTime() - Date.now() + 5));
    } catch (error) {
      console.error("Mail worker could not read the outbox", error);
    }
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, wait);
    timer.unref();
  };

  function tick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = (async () => {
      do {
        again = false;
        try {
          await deliverDueMail(db, { ...c, stopping: () => stopped });
        } catch (error) {
          console.error("Mail worker failed", error);
        }
      } while (again && !stopped);
      await schedule();
    })().finally(() => {
      running = null;
      // A nudge that came while the next wake-up was being planned.
      if (again && !stopped) tick();
    });
  }

  const unsubscribe = subscribe((event) => {
    if (event.type === "mail.queued") tick();
  });
  tick();

  return {
    nudge: tick,
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await running;
    },
  };
}
