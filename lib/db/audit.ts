import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env.ts";
import type { Db } from "./client.ts";
import { lockKey } from "./locks.ts";
import type { DbClient } from "./types.ts";

export const GENESIS_HASH = "0".repeat(64);
/** The chain of events that belong to no forum (e.g. account changes of a user in no forum). */
export const NO_FORUM_CHAIN = "-";

export const chainOf = (forumId: string | null) => forumId ?? NO_FORUM_CHAIN;

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
  chain: string;
  seq: number;
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

/** The key every entry and every signed head is keyed with; the database never holds it. */
export function auditKey(): string {
  return env().AUDIT_SECRET;
}

/** Scheme 1 (entries written before erasure existed): the MAC covers before/after/ip verbatim. */
export function macEvent(key: string, e: ChainFields): string {
  const canonical = JSON.stringify([
    e.chain, e.seq, e.prevHash, e.forumId, e.actorId, e.action, e.entityType, e.entityId, e.before, e.after, e.ip,
    e.createdAt.toISOString(),
  ]);
  return createHmac("sha256", key).update(canonical).digest("hex");
}

/**
 * The digest of one content column (before, after or ip) that a scheme-2 MAC covers: HMAC-SHA256
 * under the audit secret (domain-separated), not a bare SHA-256, so that someone holding only the
 * database cannot confirm a guessed name, e-mail or address against an erased entry. Null stays null.
 */
export function contentDigest(key: string, content: string | null): string | null {
  if (content === null) return null;
  return createHmac("sha256", key).update("audit-content\u0000").update(content, "utf8").digest("hex");
}

export interface Digests {
  beforeDigest: string | null;
  afterDigest: string | null;
  ipDigest: string | null;
}

export const digestsOf = (key: string, e: { before: string | null; after: string | null; ip: string | null }): Digests => ({
  beforeDigest: contentDigest(key, e.before), afterDigest: contentDigest(key, e.after), ipDigest: contentDigest(key, e.ip),
});

/** Scheme 2: HMAC-SHA256 over the previous entry's hash, the fields, and the digests of before/after/ip (never their content). */
export function macEventDigests(key: string, e: Omit<ChainFields, "before" | "after" | "ip"> & Digests): string {
  const canonical = JSON.stringify([
    2, e.chain, e.seq, e.prevHash, e.forumId, e.actorId, e.action, e.entityType, e.entityId, e.beforeDigest, e.afterDigest, e.ipDigest,
    e.createdAt.toISOString(),
  ]);
  return createHmac("sha256", key).update(canonical).digest("hex");
}

/** A stored entry as verification reads it. */
export type StoredEntry = ChainFields & Digests & { scheme: number; hash: string; redactedAt: Date | null };

/**
 * Why one entry does not verify (its link to the previous entry aside), or null. Scheme 2: the MAC
 * over the digests must match, and each content column must match its digest, or be NULL on an
 * entry marked redacted: erasure can remove content, never alter it.
 */
export function entryProblem(key: string, e: StoredEntry): "mac" | "redacted" | null {
  if (e.scheme !== 2) return sameHex(macEvent(key, e), e.hash) ? null : "mac";
  if (!sameHex(macEventDigests(key, e), e.hash)) return "mac";
  const columns = [[e.before, e.beforeDigest], [e.after, e.afterDigest], [e.ip, e.ipDigest]] as const;
  for (const [content, digest] of columns) {
    if (content === null) {
      if (digest !== null && !e.redactedAt) return "mac";
    } else if (digest === null || !sameHex(contentDigest(key, content)!, digest)) {
      return e.redactedAt ? "redacted" : "mac";
    }
  }
  return null;
}

/** The hash of rows written before keyed chains (one global chain, plain SHA-256); only for resealing them. */
function legacyHash(e: Omit<ChainFields, "chain" | "seq">): string {
  const canonical = JSON.stringify([
    e.prevHash, e.forumId, e.actorId, e.action, e.entityType, e.entityId, e.before, e.after, e.ip, e.createdAt.toISOString(),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Appends one audit event to its forum's chain. Call inside the transaction that makes the change. */
export async function appendAudit(tx: DbClient, input: AuditInput, key = auditKey()): Promise<void> {
  const chain = chainOf(input.forumId);
  // The head is read, then the next entry written: nobody else may append to the chain in between.
  await lockKey(tx, "auditChain", chain);
  const last = await tx.auditEvent.findFirst({ where: { chain }, orderBy: { seq: "desc" }, select: { hash: true, seq: true } });
  const fields: ChainFields = {
    chain,
    seq: (last?.seq ?? 0) + 1,
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
  const digests = digestsOf(key, fields);
  await tx.auditEvent.create({ data: { ...fields, ...digests, scheme: 2, hash: macEventDigests(key, { ...fields, ...digests }) } });
}

/**
 * Appends an event about a user's own account to the chain of every forum the user belongs to
 * (the forums' administrators see it), or to the no-forum chain when the user is in none.
 */
export async function appendUserAudit(tx: DbClient, userId: string, input: Omit<AuditInput, "forumId">): Promise<void> {
  const forums = await tx.forumMember.findMany({ where: { userId }, select: { forumId: true }, orderBy: { forumId: "asc" } });
  if (forums.length === 0) return appendAudit(tx, { ...input, forumId: null });
  for (const f of forums) await appendAudit(tx, { ...input, forumId: f.forumId });
}

export interface ChainProblem {
  id: number | null;
  seq: number;
  createdAt: Date | null;
  action: string | null;
  reason: "sequence" | "link" | "mac" | "redacted" | "legacy" | "truncated";
  detail?: string;
}

/** Walks one chain in order of sequence; returns the first entry that does not fit, or null when intact. */
export async function verifyAuditChain(client: DbClient, chain: string, key = auditKey()): Promise<ChainProblem | null> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let cursor = 0;
  for (;;) {
    const page = await client.auditEvent.findMany({ where: { chain, seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: 500 });
    if (page.length === 0) return null;
    for (const e of page) {
      const at = { id: e.id, seq: e.seq, createdAt: e.createdAt, action: e.action };
      if (e.seq !== expected) return { ...at, reason: "sequence", detail: `expected sequence ${expected}` };
      if (e.legacy) return { ...at, reason: "legacy" };
      if (e.prevHash !== prev) return { ...at, reason: "link" };
      const problem = entryProblem(key, e);
      if (problem) return { ...at, reason: problem };
      prev = e.hash;
      cursor = e.seq;
      expected += 1;
    }
  }
}

/** Every chain that holds events. */
export async function listAuditChains(client: DbClient): Promise<string[]> {
  const rows = await client.auditEvent.groupBy({ by: ["chain"], orderBy: { chain: "asc" } });
  return rows.map((r) => r.chain);
}

/** The newest entry of a chain (what a signed head records). */
export async function auditChainHead(client: DbClient, chain: string) {
  const [last, count] = await Promise.all([
    client.auditEvent.findFirst({ where: { chain }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } }),
    client.auditEvent.count({ where: { chain } }),
  ]);
  return { chain, count, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

export async function findAuditEntry(client: DbClient, chain: string, seq: number) {
  return client.auditEvent.findUnique({ where: { chain_seq: { chain, seq } }, select: { id: true, hash: true, createdAt: true, action: true } });
}

/** The forum (slug → chain id) for the command line. */
export async function forumChainBySlug(client: DbClient, slug: string): Promise<string | null> {
  const forum = await client.forum.findUnique({ where: { slug }, select: { id: true } });
  return forum?.id ?? null;
}

/**
 * Rows migrated from the single unkeyed chain are resealed with the audit secret once: only while
 * no keyed row exists yet, and only when the old chain still verifies. Returns what happened.
 */
export async function resealLegacyAudit(client: Db, key = auditKey()): Promise<"none" | "resealed" | "broken"> {
  const legacy = await client.auditEvent.count({ where: { legacy: true } });
  if (legacy === 0) return "none";
  if ((await client.auditEvent.count({ where: { legacy: false } })) > 0) return "broken";
  const rows = await client.auditEvent.findMany({ orderBy: { id: "asc" } });
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.prevHash !== prev || legacyHash(r) !== r.hash) return "broken";
    prev = r.hash;
  }
  const last = new Map<string, string>();
  const sealed = rows
    .sort((a, b) => (a.chain === b.chain ? a.seq - b.seq : a.chain < b.chain ? -1 : 1))
    .map((r) => {
      const fields: ChainFields = { ...r, prevHash: last.get(r.chain) ?? GENESIS_HASH };
      const hash = macEvent(key, fields);
      last.set(r.chain, hash);
      return { id: r.id, prevHash: fields.prevHash, hash };
    });
  // Every hash changes at once; move them out of the way of the unique index first.
  await client.$transaction(async (tx) => {
    for (const s of sealed) await tx.auditEvent.update({ where: { id: s.id }, data: { hash: `resealing-${s.id}` } });
    for (const s of sealed) await tx.auditEvent.update({ where: { id: s.id }, data: { prevHash: s.prevHash, hash: s.hash, legacy: false } });
  });
  return "resealed";
}

/**
 * Entries written under scheme 1 (MAC over the content itself) are moved to scheme 2 (MAC over
 * digests of the content) once, at start: only when every chain that holds them verifies as it is
 * (otherwise nothing changes and "broken" is returned); each such entry gets its digests and a new
 * MAC, and every later entry of its chain is relinked and resealed. The caller signs new heads.
 */
export async function resealToDigests(client: Db, key = auditKey()): Promise<"none" | "resealed" | "broken"> {
  const pending = await client.auditEvent.groupBy({ by: ["chain"], where: { scheme: 1 }, orderBy: { chain: "asc" } });
  if (pending.length === 0) return "none";
  for (const { chain } of pending) if (await verifyAuditChain(client, chain, key)) return "broken";
  const sealed: { id: number; prevHash: string; hash: string; digests: Digests }[] = [];
  for (const { chain } of pending) {
    const first = await client.auditEvent.findFirstOrThrow({ where: { chain, scheme: 1 }, orderBy: { seq: "asc" }, select: { seq: true } });
    const previous = await client.auditEvent.findFirst({ where: { chain, seq: { lt: first.seq } }, orderBy: { seq: "desc" }, select: { hash: true } });
    let prev = previous?.hash ?? GENESIS_HASH;
    const rows = await client.auditEvent.findMany({ where: { chain, seq: { gte: first.seq } }, orderBy: { seq: "asc" } });
    for (const r of rows) {
      // Scheme-2 entries keep their digests (their content may already be erased); scheme-1 ones get them now.
      const digests: Digests = r.scheme === 2 ? { beforeDigest: r.beforeDigest, afterDigest: r.afterDigest, ipDigest: r.ipDigest } : digestsOf(key, r);
      const hash = macEventDigests(key, { ...r, ...digests, prevHash: prev });
      sealed.push({ id: r.id, prevHash: prev, hash, digests });
      prev = hash;
    }
  }
  // Every hash changes at once; move them out of the way of the unique index first.
  await client.$transaction(async (tx) => {
    for (const s of sealed) await tx.auditEvent.update({ where: { id: s.id }, data: { hash: `resealing-${s.id}` } });
    for (const s of sealed) await tx.auditEvent.update({ where: { id: s.id }, data: { prevHash: s.prevHash, hash: s.hash, ...s.digests, scheme: 2 } });
  }, { timeout: 600_000 });
  return "resealed";
}

/**
 * Erasure (GDPR art. 17) in the audit log: empties the content columns of scheme-2 entries that
 * hold the person's name or e-mail, or are about their account (created, renamed: earlier names),
 * and the client address of their own sign-ins and actions (actor = them, or about them with no
 * actor: failed sign-ins). The digests stay under the MAC, so
 * the chain still verifies and the content can only have been removed. Returns the entries touched.
 */
export async function redactAuditFor(tx: DbClient, person: { id: string; name: string; email: string }): Promise<number[]> {
  const needles = [...new Set([person.name, person.email, ...[person.name, person.email].map((v) => JSON.stringify(v).slice(1, -1))])].filter((v) => v.trim());
  const holds = (column: "before" | "after") => needles.map((n) => ({ [column]: { contains: n } }));
  const rows = await tx.auditEvent.findMany({
    where: {
      scheme: 2,
      OR: [
        ...holds("before"), ...holds("after"),
        { actorId: person.id, ip: { not: null } },
        { entityId: person.id, actorId: null, ip: { not: null } },
        // Events about their account (created, renamed) hold earlier names and e-mails too.
        { entityType: "User", entityId: person.id, OR: [{ before: { not: null } }, { after: { not: null } }] },
      ],
    },
    select: { id: true, action: true, actorId: true, entityType: true, entityId: true, before: true, after: true, ip: true },
    orderBy: { id: "asc" },
  });
  const names = (v: string | null) => v !== null && needles.some((n) => v.includes(n));
  const now = new Date();
  const touched: number[] = [];
  for (const r of rows) {
    const theirAddress = r.ip !== null && (r.actorId === person.id || (r.actorId === null && r.entityId === person.id));
    const account = r.entityType === "User" && r.entityId === person.id && !/^auth\./.test(r.action);
    const data = {
      ...(r.before !== null && (account || names(r.before)) ? { before: null } : {}),
      ...(r.after !== null && (account || names(r.after)) ? { after: null } : {}),
      ...(theirAddress || names(r.ip) ? { ip: null } : {}),
    };
    if (Object.keys(data).length === 0) continue;
    await tx.auditEvent.update({ where: { id: r.id }, data: { ...data, redactedAt: now } });
    touched.push(r.id);
  }
  return touched;
}

/** Recent audit events of a forum, newest first, with the actor's name. */
export async function listAudit(client: DbClient, forumId: string, take = 50) {
  return client.auditEvent.findMany({
    where: { chain: forumId },
    orderBy: { seq: "desc" },
    take,
    select: {
      id: true, seq: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true,
      beforeDigest: true, afterDigest: true, redactedAt: true,
      actor: { select: { name: true } },
    },
  });
}

/** Names for the ids an audit page shows (users, groups, documents, action items) within one forum. */
export async function auditNames(client: DbClient, forumId: string, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const [users, groups, documents, actions, areas] = await Promise.all([
    client.user.findMany({ where: { id: { in: ids }, forums: { some: { forumId } } }, select: { id: true, name: true } }),
    client.group.findMany({ where: { id: { in: ids }, forumId }, select: { id: true, name: true } }),
    client.document.findMany({ where: { id: { in: ids }, forumId }, select: { id: true, title: true } }),
    client.actionItem.findMany({ where: { id: { in: ids }, forumId }, select: { id: true, title: true } }),
    client.targetArea.findMany({ where: { id: { in: ids }, forumId }, select: { id: true, name: true } }),
  ]);
  for (const u of users) names.set(u.id, u.name);
  for (const g of groups) names.set(g.id, g.name);
  for (const d of documents) names.set(d.id, d.title);
  for (const a of actions) names.set(a.id, a.title);
  for (const a of areas) names.set(a.id, a.name);
  return names;
}
