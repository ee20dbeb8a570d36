import { appendAudit } from "./audit.ts";
import type { Actor } from "./groups.ts";
import type { DbClient } from "./types.ts";

/** A stored statement (null: none yet, the page shows its default text). */
export async function findSiteText(db: DbClient, key: string) {
  return db.siteText.findUnique({ where: { key }, select: { key: true, body: true, version: true, updatedAt: true } });
}

/**
 * Writes a statement: creates its row at version 1, or replaces the body of the row at `version`
 * (bumping it); audited in the chain of the forum whose administrator made the change. Returns
 * null when the row moved on (a stale edit); a concurrent first save fails on the key (409).
 */
export async function writeSiteText(tx: DbClient, actor: Actor, forumId: string, key: string, body: string, version: number) {
  if (version === 0) {
    await tx.siteText.create({ data: { key, body, updatedById: actor.userId } });
  } else {
    const { count } = await tx.siteText.updateMany({ where: { key, version }, data: { body, updatedById: actor.userId, version: { increment: 1 } } });
    if (count === 0) return null;
  }
  const after = await findSiteText(tx, key);
  await appendAudit(tx, { forumId, actorId: actor.userId, ip: actor.ip, action: "siteText.update", entityType: "SiteText", entityId: key, before: { version }, after: { version: after!.version } });
  return after;
}
