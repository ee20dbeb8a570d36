import { db } from "../db/client.ts";
import type { BoardItem } from "../db/actions.ts";
import { createNotification, emailedSince, markEmailed, type NewNotification } from "../db/notifications.ts";
import { env } from "../env.ts";
import { isLocale, translator, type MessageKey } from "../i18n/index.ts";
import { sendMail } from "./mailer.ts";

/** Who is told what after an item changed: new owner, new Accountable, and owner/Accountable on status changes. */
export function notificationsFor(forumId: string, actorId: string, before: BoardItem | null, after: BoardItem): NewNotification[] {
  const out: NewNotification[] = [];
  const add = (userId: string | undefined | null, type: NewNotification["type"]) => {
    if (!userId || userId === actorId || out.some((n) => n.userId === userId && n.type === type)) return;
    out.push({ userId, forumId, type, actionItemId: after.id, title: after.title });
  };
  if (after.owner && after.owner.id !== before?.owner?.id) add(after.owner.id, "ASSIGNED");
  const accountable = (i: BoardItem | null) => i?.raci.find((r) => r.role === "A")?.user?.id ?? null;
  // Made owner and Accountable in one go is one event for the person: the assignment.
  const newAccountable = accountable(after);
  if (newAccountable && newAccountable !== accountable(before) && !out.some((n) => n.userId === newAccountable)) add(newAccountable, "ACCOUNTABLE");
  if (before && before.status !== after.status) {
    add(after.owner?.id, "STATUS_CHANGED");
    add(accountable(after), "STATUS_CHANGED");
  }
  return out;
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * Stores in-app notifications and, when SMTP_URL is set, e-mails them: at most one message per
 * event type per person per day. Mail failures are logged and never undo the change.
 */
export async function deliver(list: NewNotification[], forumSlug: string): Promise<void> {
  for (const n of list) {
    const created = await createNotification(db(), n);
    if (!env().SMTP_URL) continue;
    const now = new Date();
    if (await emailedSince(db(), n.userId, n.type, startOfDay(now))) continue;
    const user = await db().user.findUnique({ where: { id: n.userId }, select: { email: true, name: true, locale: true } });
    if (!user) continue;
    const t = translator(isLocale(user.locale) ? user.locale : "nb");
    const link = `${env().APP_URL}/f/${forumSlug}/mine`;
    try {
      await sendMail({
        to: user.email,
        subject: t(`mail.subject.${n.type}` as MessageKey, { title: n.title }),
        text: t("mail.body", { name: user.name, what: t(`mail.what.${n.type}` as MessageKey, { title: n.title }), link }),
      });
      await markEmailed(db(), created.id, now);
    } catch (error) {
      console.error(`Could not e-mail a ${n.type} notification`, error);
    }
  }
}
