import { createHash } from "node:crypto";
import type { DbClient } from "./types.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditInput {
  forumId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

interface ChainFields {
  prevHash: string;
  forumId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  ip: string | null;
  createdAt: Date;
}

function hashEvent(e: ChainFields): string {
  const canonical = JSON.stringify([
    e.prevHash, e.forumId, e.actorId, e.action, e.entityType, e.entityId, e.before, e.after, e.ip,
    e.createdAt.toISOString(),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Appends one audit event to the hash chain. Call inside the transaction that makes the change. */
export async function appendAudit(tx: DbClient, input: AuditInput): Promise<void> {
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields: ChainFields = {
    prevHash: last?.hash ?? GENESIS_HASH,
    forumId: input.forumId,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: json(input.before),
    after: json(input.after),
    ip: input.ip ?? null,
    createdAt: new Date(),
  };
  await tx.auditEvent.create({ data: { ...fields, hash: hashEvent(fields) } });
}

/** Walks the whole chain; returns the id of the first event that does not fit, or null when intact. */
export async function verifyAuditChain(client: DbClient): Promise<number | null> {
  let prev = GENESIS_HASH;
  let cursor = 0;
  for (;;) {
    const page = await client.auditEvent.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: 500 });
    if (page.length === 0) return null;
    for (const e of page) {
      if (e.prevHash !== prev || hashEvent(e) !== e.hash) return e.id;
      prev = e.hash;
      cursor = e.id;
    }
  }
}

/** Recent audit events of a forum, newest first, with the actor's name. */
export async function listAudit(client: DbClient, forumId: string, take = 50) {
  return client.auditEvent.findMany({
    where: { forumId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true,
      actor: { select: { name: true } },
    },
  });
}
