// Erasure of a person (GDPR art. 17): their personal data is removed, or replaced by a pseudonym,
// everywhere it is stored, while the rows that carry the forum's history (comments, votes, versions,
// actions, needs, the audit chain) keep the person's id and so show the pseudonym. README "Erasure".
import { appendUserAudit, redactAuditFor } from "./audit.ts";
import type { Actor } from "./groups.ts";
import { lockKey } from "./locks.ts";
import type { DbClient } from "./types.ts";

/** The person as erasure needs them (null when there is no such user). */
export async function findErasureTarget(db: DbClient, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, erasedAt: true } });
}

/** Forum ids where the person is the only administrator (erasing them would leave the forum without one). */
export async function forumsWithOnlyAdmin(db: DbClient, userId: string): Promise<string[]> {
  const adminOf = await db.forumMember.findMany({ where: { userId, role: "ADMIN" }, select: { forumId: true } });
  const out: string[] = [];
  for (const { forumId } of adminOf) if ((await db.forumMember.count({ where: { forumId, role: "ADMIN" } })) <= 1) out.push(forumId);
  return out;
}

/** The next pseudonym number: one more than any given so far. Read inside the erasing transaction. */
async function nextPseudonymNo(tx: DbClient): Promise<number> {
  // Numbered across forums: erasures in different forums must not read the same highest number.
  await lockKey(tx, "global", "pseudonymNo");
  const { _max } = await tx.user.aggregate({ _max: { pseudonymNo: true } });
  return (_max.pseudonymNo ?? 0) + 1;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every occurrence of the name or e-mail (any case) in free text by the pseudonym. */
export function pseudonymise(text: string, person: { name: string; email: string }, pseudonym: string): string {
  const needles = [person.name, person.email].filter((n) => n.trim()).sort((a, b) => b.length - a.length);
  if (needles.length === 0) return text;
  return text.replace(new RegExp(needles.map(escapeRegExp).join("|"), "giu"), pseudonym);
}

/** The same in a JSON text (notification details): the replacement is JSON-escaped, the result stays valid JSON. */
function pseudonymiseJson(text: string, person: { name: string; email: string }, pseudonym: string): string {
  try {
    const walk = (v: unknown): unknown =>
      typeof v === "string" ? pseudonymise(v, person, pseudonym)
      : Array.isArray(v) ? v.map(walk)
      : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
      : v;
    return JSON.stringify(walk(JSON.parse(text)));
  } catch {
    return pseudonymise(text, person, pseudonym);
  }
}

/** Rows whose free text may name the person: a prefilter (SQLite's LIKE folds ASCII case only), checked again in JS. */
function mayName(column: string, person: { name: string; email: string }) {
  return [person.name, person.email, person.name.toLocaleLowerCase("nb"), person.email.toLowerCase()]
    .filter((n) => n.trim())
    .map((n) => ({ [column]: { contains: n } }));
}

export interface ErasureResult {
  pseudonymNo: number;
  pseudonym: string;
  /** Comments whose text changed (the caller indexes them again for search). */
  commentIds: string[];
  /** Audit entries whose personal data was emptied. */
  redacted: number[];
}

/**
 * Erases the person inside the caller's transaction (the policy has been asked before). `pseudonymOf`
 * makes the display name from the number ("Tidligere medlem 17"), in the forum's language.
 */
export async function eraseUserData(
  tx: DbClient, actor: Actor, person: { id: string; name: string; email: string }, pseudonymOf: (no: number) => string,
): Promise<ErasureResult> {
  const pseudonymNo = await nextPseudonymNo(tx);
  const pseudonym = pseudonymOf(pseudonymNo);
  const userId = person.id;

  // Free text that names them: comments (their @mentions among them) and others' notifications.
  const comments = await tx.comment.findMany({
    where: { OR: [{ mentions: { some: { userId } } }, ...mayName("body", person)] },
    select: { id: true, body: true },
  });
  const commentIds: string[] = [];
  for (const c of comments) {
    const body = pseudonymise(c.body, person, pseudonym);
    if (body === c.body) continue;
    await tx.comment.update({ where: { id: c.id }, data: { body } });
    commentIds.push(c.id);
  }
  await tx.notification.deleteMany({ where: { userId } });
  const notices = await tx.notification.findMany({ where: { OR: [...mayName("detail", person), ...mayName("title", person)] }, select: { id: true, detail: true, title: true } });
  for (const n of notices) {
    const detail = pseudonymiseJson(n.detail, person, pseudonym);
    const title = pseudonymise(n.title, person, pseudonym);
    if (detail !== n.detail || title !== n.title) await tx.notification.update({ where: { id: n.id }, data: { detail, title } });
  }

  // What is only theirs goes: sign-in attempts, follows, saved views, edit tallies (their pending mails went with their notifications).
  await tx.loginAttempt.deleteMany({ where: { email: { in: [...new Set([person.email, person.email.toLowerCase()])] } } });
  await tx.documentFollow.deleteMany({ where: { userId } });
  await tx.savedView.deleteMany({ where: { userId } });
  await tx.documentEditTally.deleteMany({ where: { userId } });
  // Their accounts at identity providers (so the provider cannot sign the pseudonym in again), and
  // invitations of their address; invitations they sent keep their id and show the pseudonym.
  await tx.userIdentity.deleteMany({ where: { userId } });
  await tx.invitation.deleteMany({ where: { email: { in: [...new Set([person.email, person.email.toLowerCase()])] } } });

  // The audit log: content that names them or holds their addresses is emptied (digests stay under the MAC).
  const redacted = await redactAuditFor(tx, person);
  // Recorded in every forum they belonged to, before they leave them; no personal data in it.
  await appendUserAudit(tx, userId, {
    actorId: actor.userId, ip: actor.ip, action: "user.erase", entityType: "User", entityId: userId, after: { pseudonymNo, redacted },
  });
  await tx.membership.deleteMany({ where: { userId } });
  await tx.forumMember.deleteMany({ where: { userId } });

  await tx.user.update({
    where: { id: userId },
    data: {
      name: pseudonym, email: `erased-${pseudonymNo}@invalid.samrad`, passwordHash: "", locale: "nb", mustChangePassword: false,
      oneTimePasswordExpiresAt: null, disabledAt: new Date(), erasedAt: new Date(), pseudonymNo, sessionVersion: { increment: 1 },
      version: { increment: 1 },
    },
  });
  return { pseudonymNo, pseudonym, commentIds, redacted };
}
