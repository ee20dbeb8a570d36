import { hashPassword } from "../../lib/auth/password.ts";
import { createDb, type Db } from "../../lib/db/client.ts";

export const FACTORY_PASSWORD = "factory-password-123";
let hashed: Promise<string> | undefined;
let seq = 0;

/** A Prisma client on the same SQLite file the server under test uses. */
export function testDb(url: string): Db {
  return createDb(url);
}

const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`;

/** A user in a forum (by id), with FACTORY_PASSWORD; overrides win. */
export async function buildUser(
  db: Db,
  forumId: string,
  overrides: { email?: string; name?: string; forumRole?: "ADMIN" | "PROJECT_LEADER" | "MEMBER"; groupIds?: string[] } = {},
) {
  hashed ??= hashPassword(FACTORY_PASSWORD);
  const email = overrides.email ?? `${unique("user")}@factory.example`;
  const user = await db.user.create({
    data: { email, name: overrides.name ?? `Test ${email.split("@")[0]}`, passwordHash: await hashed },
    select: { id: true, email: true, name: true },
  });
  await db.forumMember.create({ data: { forumId, userId: user.id, role: overrides.forumRole ?? "MEMBER" } });
  for (const groupId of overrides.groupIds ?? []) await db.membership.create({ data: { groupId, userId: user.id } });
  return user;
}

/** A second forum with one administrator and one competence group: the "outsider" tenant. */
export async function buildOtherForum(db: Db) {
  const slug = unique("other");
  const forum = await db.forum.create({ data: { slug, name: `Annet forum ${slug}` }, select: { id: true, slug: true } });
  const group = await db.group.create({ data: { forumId: forum.id, kind: "COMPETENCE", name: "Annen gruppe" }, select: { id: true } });
  const admin = await buildUser(db, forum.id, { forumRole: "ADMIN", groupIds: [group.id] });
  return { forum, group, admin };
}

/** Row counts of every table a mutation could touch: compared before and after to prove "nothing written". */
export async function tableCounts(db: Db) {
  const [forums, users, forumMembers, groups, memberships, targetAreas, audit] = await Promise.all([
    db.forum.count(), db.user.count(), db.forumMember.count(), db.group.count(), db.membership.count(), db.targetArea.count(), db.auditEvent.count(),
  ]);
  return { forums, users, forumMembers, groups, memberships, targetAreas, audit };
}

/** An empty live document in a group (its Yjs state starts empty). */
export async function buildDocument(db: Db, groupId: string, overrides: { title?: string; kind?: "RECOMMENDATION" | "NOTE" | "MINUTES" } = {}) {
  const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { forumId: true } });
  const author = await db.forumMember.findFirstOrThrow({ where: { forumId: group.forumId }, select: { userId: true } });
  return db.document.create({
    data: { forumId: group.forumId, groupId, kind: overrides.kind ?? "RECOMMENDATION", title: overrides.title ?? unique("Dokument"), createdById: author.userId },
    select: { id: true },
  });
}

/** The stored state of a document, read the way the server loads it: snapshot, then the log. */
export async function storedDocState(db: Db, documentId: string): Promise<Uint8Array[]> {
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { state: true } });
  const updates = await db.documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { data: true } });
  return [...(doc.state ? [doc.state] : []), ...updates.map((u) => u.data)];
}
